extension Array {
    /// The array in consecutive slices of at most `size` elements, for statements with a bounded number
    /// of bound values.
    func chunked(by size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

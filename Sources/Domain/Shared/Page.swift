/// One page of a longer, ordered result, with what is needed to link to the other pages.
public struct Page<Element: Sendable>: Sendable {
    public var items: [Element]
    /// The number of matching elements over all pages.
    public var total: Int
    /// 1-based.
    public var number: Int
    public var size: Int

    public init(items: [Element], total: Int, number: Int, size: Int) {
        self.items = items
        self.total = total
        self.number = number
        self.size = size
    }

    public var pageCount: Int { max(1, (total + size - 1) / size) }
    public var hasPrevious: Bool { number > 1 }
    public var hasNext: Bool { number < pageCount }
}

/// Which page of a result to fetch. Sizes are clamped so a caller cannot ask for everything at once.
public struct PageRequest: Sendable, Equatable {
    public static let maximumSize = 100
    public var number: Int
    public var size: Int

    public init(number: Int = 1, size: Int = 20) {
        self.number = max(1, number)
        self.size = min(max(1, size), Self.maximumSize)
    }

    public var offset: Int { (number - 1) * size }
}

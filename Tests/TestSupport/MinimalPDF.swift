/// A small, valid PDF with the given lines of text, for tests that upload a PDF and search its words.
///
/// One A4 page in Helvetica with WinAnsi encoding: ASCII and Latin-1 letters (é, ë, ü) come through,
/// other characters become "?". About 55 lines fit; longer texts run off the page.
///
/// ```swift
/// let bytes = MinimalPDF.document(lines: ["Jaarverslag 2025", "Taalcafé in de bibliotheek"])
/// // `pdftotext file.pdf -` prints both lines.
/// ```
public enum MinimalPDF {
    public static func document(lines: [String]) -> [UInt8] {
        let text = lines.map { "(\(escaped($0))) Tj T*" }.joined(separator: "\n")
        let stream = "BT\n/F1 12 Tf\n14 TL\n56 786 Td\n\(text)\nET\n"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)endstream",
        ]
        var output = Array("%PDF-1.4\n".utf8) + [0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.count)
            output += Array("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8)
        }
        let table = offsets.map { "\(padded($0)) 00000 n \n" }.joined()
        output += Array("""
            xref
            0 \(objects.count + 1)
            0000000000 65535 f \n\(table)trailer
            << /Size \(objects.count + 1) /Root 1 0 R >>
            startxref
            \(output.count)
            %%EOF

            """.utf8)
        return output
    }

    /// A PDF string literal's content: `(`, `)` and `\` escaped, Latin-1 letters as octal codes.
    private static func escaped(_ line: String) -> String {
        var result = ""
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x28, 0x29, 0x5C: result += "\\\(Character(scalar))"
            case 0x20...0x7E: result.unicodeScalars.append(scalar)
            case 0xA0...0xFF: result += "\\" + String(scalar.value, radix: 8)
            default: result += "?"
            }
        }
        return result
    }

    private static func padded(_ offset: Int) -> String {
        let digits = String(offset)
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }
}

/// JSON text whose object members keep the order they were given in.
///
/// Foundation's `JSONEncoder` orders keys by hash (or alphabetically with `.sortedKeys`). The exchange
/// format must be byte-identical across an export → import → export round trip and should read
/// naturally (`slug` first), so items are written with this small writer instead.
///
/// ```swift
/// OrderedJSON.object([("slug", .string("taalcafe")), ("themes", .array([.string("participatie")]))]).text
/// // {"slug":"taalcafe","themes":["participatie"]}
/// ```
public indirect enum OrderedJSON: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// Written with Swift's shortest exact form; not-a-number and infinity become `null`.
    case double(Double)
    case string(String)
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    public static func strings(_ values: [String]) -> OrderedJSON { .array(values.map(OrderedJSON.string)) }

    public static func optional(_ value: String?) -> OrderedJSON { value.map(OrderedJSON.string) ?? .null }

    public var text: String {
        var output = ""
        write(into: &output)
        return output
    }

    public func write(into output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): output += value.isFinite ? String(value) : "null"
        case .string(let value): Self.writeString(value, into: &output)
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.write(into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                Self.writeString(key, into: &output)
                output += ":"
                value.write(into: &output)
            }
            output += "}"
        }
    }

    /// Escapes quotes, backslashes and control characters; everything else stays UTF-8 as is.
    static func writeString(_ value: String, into output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}

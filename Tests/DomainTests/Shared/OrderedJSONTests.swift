import Domain
import Foundation
import Testing

@Suite("Ordered JSON")
struct OrderedJSONTests {
    @Test("members keep their order and strings are escaped as JSON requires")
    func escaping() throws {
        let text = OrderedJSON.object([
            ("z", .string("a\"b\\c\nd\u{0}é/<")), ("a", .int(-3)), ("m", .array([.null, .bool(true)])),
        ]).text
        #expect(text == #"{"z":"a\"b\\c\nd\u0000é/<","a":-3,"m":[null,true]}"#)
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(decoded?["z"] as? String == "a\"b\\c\nd\u{0}é/<")
    }
}

import Crypto
import Foundation

/// SHA-256 of a secret as lowercase hex: what the database keeps instead of session ids and tokens.
///
/// The secrets are 256 random bits, so a fast hash is enough; a slow one (as for passwords) would only
/// slow every request down.
enum TokenHash {
    static func of(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

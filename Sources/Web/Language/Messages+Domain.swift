import Domain

/// The words people read for the Domain's own values, which keep their stable Dutch raw values.
extension Messages {
    /// "Publicatie" / "Publication".
    func name(of type: ItemType) -> String { text("site.types.\(type.rawValue).name") }

    /// "Publicaties" / "Publications", for listings.
    func pluralName(of type: ItemType) -> String { text("site.types.\(type.rawValue).plural") }

    /// "ter review" / "in review".
    func name(of status: ItemStatus) -> String { text("staff.status.\(status.rawValue)") }
}

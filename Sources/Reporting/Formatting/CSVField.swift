import Foundation

/// RFC 4180 fields: a field that contains a comma, a double quote, a carriage return or a line feed
/// (or starts or ends with a space) is enclosed in double quotes, with its quotes doubled.
enum CSVField {
    static func escape(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

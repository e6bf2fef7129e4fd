/// What a cell means; the terminal layer maps each to colours once (or to plain attributes
/// under NO_COLOR). The words on screen carry the meaning too, so nothing depends on colour alone.
public enum CellStyle: UInt8, Sendable, CaseIterable {
    case normal, dim, bold, title, border, paneTitle, selected, overdue, due, upcoming, struckOut, key, message, error
}

/// One terminal cell: a grapheme (or nothing, for the right half of a wide one) and its style.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: CellStyle

    public static let blank = Cell(text: " ", style: .normal)
    /// The right half of a two-cell grapheme: drawn by its left half.
    public static let continuation = Cell(text: "", style: .normal)
}

/// A grid of styled cells: what `render` produces and what the terminal layer draws.
public struct Screen: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    public private(set) var cells: [Cell]

    public init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        cells = Array(repeating: .blank, count: self.rows * self.columns)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * columns + column] }
        set { cells[row * columns + column] = newValue }
    }

    /// Writes text from a position, cut at `limit` cells (default: the screen's edge); returns the
    /// column after it. A wide character that would straddle the limit is replaced by a space.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: CellStyle = .normal, limit: Int? = nil) -> Int {
        guard row >= 0, row < rows else { return column }
        let end = min(columns, limit ?? columns)
        var c = column
        for character in text {
            let w = TextWidth.of(character)
            if w == 0 { continue }
            if c + w > end {
                if c < end { self[row, c] = Cell(text: " ", style: style) }
                return end
            }
            if c >= 0 {
                self[row, c] = Cell(text: TextWidth.displayable(character), style: style)
                if w == 2 { self[row, c + 1] = .continuation }
            }
            c += w
        }
        return c
    }

    /// Fills a stretch of a row with one character.
    public mutating func fill(row: Int, from: Int, to: Int, with text: String = " ", style: CellStyle = .normal) {
        guard row >= 0, row < rows else { return }
        for c in max(0, from)..<min(columns, max(from, to)) { self[row, c] = Cell(text: text, style: style) }
    }

    /// Sets the style of a stretch of a row, keeping its text (the selection bar).
    public mutating func restyle(row: Int, from: Int, to: Int, style: CellStyle) {
        guard row >= 0, row < rows else { return }
        for c in max(0, from)..<min(columns, max(from, to)) { self[row, c].style = style }
    }

    /// A box drawn with light lines, a title in its top edge.
    public mutating func box(top: Int, left: Int, height: Int, width: Int, title: String, focused: Bool) {
        guard height >= 2, width >= 2 else { return }
        let style: CellStyle = focused ? .paneTitle : .border
        let bottom = top + height - 1
        let right = left + width - 1
        fill(row: top, from: left, to: right + 1, with: "─", style: .border)
        fill(row: bottom, from: left, to: right + 1, with: "─", style: .border)
        for r in top...bottom {
            put("│", row: r, column: left, style: .border)
            put("│", row: r, column: right, style: .border)
        }
        put("┌", row: top, column: left, style: .border)
        put("┐", row: top, column: right, style: .border)
        put("└", row: bottom, column: left, style: .border)
        put("┘", row: bottom, column: right, style: .border)
        // A title longer than the edge is cut with an ellipsis, a line's width from the corner.
        guard width >= 6 else { return }
        put(" " + TextWidth.truncate(title, to: width - 5) + " ", row: top, column: left + 1, style: style, limit: right)
    }

    /// The screen as plain text, one line per row, trailing spaces kept: for golden files.
    public var text: String {
        var lines: [String] = []
        for r in 0..<rows {
            var line = ""
            for c in 0..<columns { line += self[r, c].text }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rows that differ from another screen of the same size (all of them otherwise).
    public func changedRows(since old: Screen?) -> [Int] {
        guard let old, old.rows == rows, old.columns == columns else { return Array(0..<rows) }
        return (0..<rows).filter { r in
            let range = (r * columns)..<((r + 1) * columns)
            return cells[range] != old.cells[range]
        }
    }
}

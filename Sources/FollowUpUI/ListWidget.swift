/// A line of a list, with the style it is drawn in.
public struct StyledLine: Equatable, Sendable {
    public var text: String
    public var style: CellStyle

    public init(_ text: String, _ style: CellStyle = .normal) {
        self.text = text
        self.style = style
    }
}

/// The one list widget: items of one or more lines, drawn in a window of rows with the
/// selected item kept in view, or, for text that only scrolls (help, a review card), from a
/// first line. Moving the selection or the scroll (one, a page, first, last) is `moved`, the same
/// for every list: the three panes, the timeline, help, the review card and the coming pickers.
/// Only the items in the window are made: a list of thousands draws as fast as one of ten.
struct ListWidget {
    let count: Int
    /// The selected item; nil for text that only scrolls.
    var selected: Int?
    /// With no selection: the first line shown.
    var scroll = 0
    /// How many lines an item takes (one, unless it wraps).
    let lineCount: (Int) -> Int
    let item: (Int) -> [StyledLine]

    init(count: Int, selected: Int?, scroll: Int = 0, lineCount: @escaping (Int) -> Int = { _ in 1 }, item: @escaping (Int) -> [StyledLine]) {
        self.count = count
        self.selected = selected
        self.scroll = scroll
        self.lineCount = lineCount
        self.item = item
    }

    /// A list of items already made.
    init(items: [[StyledLine]], selected: Int?, scroll: Int = 0) {
        self.init(count: items.count, selected: selected, scroll: scroll, lineCount: { items[$0].count }, item: { items[$0] })
    }

    /// Where a move leaves a position in a list of `count` (items, or lines that scroll), a page
    /// being `page` long. Nil: the action is not a move.
    static func moved(_ action: Action, from position: Int, count: Int, page: Int) -> Int? {
        let last = max(0, count - 1)
        let step = max(1, page)
        switch action {
        case .up: return max(0, min(position, last) - 1)
        case .down: return min(last, position + 1)
        case .pageUp: return max(0, min(position, last) - step)
        case .pageDown: return min(last, position + step)
        case .top: return 0
        case .bottom: return last
        default: return nil
        }
    }

    /// The lines that fit in `height` rows, whether each belongs to the selected item, and how
    /// many lines are hidden above and below.
    func window(height: Int) -> (lines: [(line: StyledLine, selected: Bool)], above: Int, below: Int) {
        var total = 0
        var firstOfSelected = 0
        var lastOfSelected = 0
        for i in 0..<count {
            if i == selected { firstOfSelected = total }
            total += lineCount(i)
            if i == selected { lastOfSelected = total - 1 }
        }
        guard height > 0 else { return ([], 0, total) }
        var start: Int
        if selected != nil {
            // The selected item in view, its first line at least.
            start = lastOfSelected < height ? 0 : lastOfSelected - height + 1
            start = min(start, firstOfSelected)
        } else {
            start = scroll
        }
        start = max(0, min(start, max(0, total - height)))
        var shown: [(line: StyledLine, selected: Bool)] = []
        var line = 0
        for i in 0..<count where shown.count < height {
            let n = lineCount(i)
            defer { line += n }
            if line + n <= start { continue }
            for (k, l) in item(i).enumerated() where line + k >= start && shown.count < height {
                shown.append((l, i == selected))
            }
        }
        return (shown, start, max(0, total - start - height))
    }

    /// Draws the window into a box's inside: a marker before the selected item (highlighted
    /// when `highlight`), and how much is hidden on the box's edges.
    func draw(_ screen: inout Screen, top: Int, left: Int, height: Int, width: Int, marker: Bool, highlight: Bool = true) {
        let (lines, above, below) = window(height: height)
        for (i, entry) in lines.enumerated() {
            let row = top + i
            let first = i == 0 || !lines[i - 1].selected
            let lead = marker ? (entry.selected && highlight && first ? "▶ " : "  ") : ""
            screen.put(lead + entry.line.text, row: row, column: left, style: entry.line.style, limit: left + width)
            if entry.selected, highlight { screen.restyle(row: row, from: left, to: left + width, style: .selected) }
        }
        if below > 0 {
            screen.put(" ↓ \(below) more ", row: top + height, column: left + width - 13, style: .dim, limit: left + width)
        }
        if above > 0, selected == nil {
            screen.put(" ↑ \(above) more ", row: top - 1, column: left + width - 13, style: .dim, limit: left + width)
        }
    }
}

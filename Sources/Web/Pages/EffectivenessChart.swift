import QualityCore
import Recalls

/// The correction rate of a recall over time as an inline SVG step chart, drawn on the server: one
/// point per day from the defect's confirmation to the last day shown, or one per week (the rate
/// at the end of each week) when that is more than nine weeks, or per several weeks beyond two
/// years, so that a chart never has more than about a hundred points. No script, no external
/// file; the values are also in each point's `<title>` and `data-` attributes.
enum EffectivenessChart {
    /// One point of the chart.
    struct Point: Equatable {
        /// The last day the point covers.
        var day: CalendarDay
        /// The rate at the end of that day, 0–1.
        var rate: Double
    }

    /// The most days drawn one by one; longer spans are drawn by week.
    static let dailyLimit = 63

    /// The days each point covers for a span of days: 1 up to `dailyLimit`, else whole weeks,
    /// as many as keep the points to about 104.
    static func step(forSpan days: Int) -> Int {
        days <= dailyLimit ? 1 : 7 * max(1, (days + 727) / 728)
    }

    /// The points from `start` to `end`: the rate at the end of each day (or longer step),
    /// carried forward between reports.
    static func points(history: [RecallEffectiveness.Point], from start: CalendarDay, to end: CalendarDay) -> [Point] {
        let first = start.daysSinceEpoch
        let last = max(end.daysSinceEpoch, first)
        let step = step(forSpan: last - first + 1)
        var days = Array(stride(from: first + step - 1, through: last, by: step))
        if days.last != last { days.append(last) }
        var index = 0
        var rate = 0.0
        return days.map { number in
            while index < history.count, history[index].day.daysSinceEpoch <= number {
                rate = history[index].rate
                index += 1
            }
            return Point(day: CalendarDay(daysSinceEpoch: number), rate: rate)
        }
    }

    /// The chart's SVG markup; `label` names it for screen readers, `axisCaption` says how the
    /// points were taken.
    static func svg(_ points: [Point], label: String, axisCaption: String) -> String {
        let width = 640.0
        let height = 240.0
        let left = 44.0
        let right = 12.0
        let top = 12.0
        let bottom = 36.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ index: Int) -> Double {
            points.count <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(points.count - 1)
        }
        func y(_ rate: Double) -> Double { top + plotHeight * (1 - min(max(rate, 0), 1)) }
        func number(_ value: Double) -> String {
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }

        var svg = """
            <svg id="effectiveness-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" \
            role="img" aria-label="\(escape(label))" data-points="\(points.count)">
            """
        for percent in stride(from: 0, through: 100, by: 25) {
            let lineY = number(y(Double(percent) / 100))
            svg +=
                #"<line class="grid" x1="\#(number(left))" y1="\#(lineY)" x2="\#(number(width - right))" y2="\#(lineY)"/>"#
            svg +=
                #"<text class="axis" x="\#(number(left - 6))" y="\#(lineY)" text-anchor="end" dominant-baseline="middle">\#(percent)%</text>"#
        }
        if !points.isEmpty {
            var path = "M\(number(x(0))),\(number(y(points[0].rate)))"
            for index in points.indices.dropFirst() {
                path += " H\(number(x(index))) V\(number(y(points[index].rate)))"
            }
            let area = path + " V\(number(y(0))) H\(number(x(0))) Z"
            svg += #"<path class="area" d="\#(area)"/>"#
            svg += #"<path class="line" d="\#(path)"/>"#
            for (index, point) in points.enumerated() {
                let percent = Self.percent(point.rate)
                svg += """
                    <circle class="point" cx="\(number(x(index)))" cy="\(number(y(point.rate)))" r="3" \
                    data-day="\(point.day)" data-rate="\(percent)"><title>\(point.day): \(percent)</title></circle>
                    """
            }
            let baseline = number(height - bottom + 16)
            svg +=
                #"<text class="axis" x="\#(number(x(0)))" y="\#(baseline)" text-anchor="start">\#(points[0].day)</text>"#
            if points.count > 1 {
                svg +=
                    #"<text class="axis" x="\#(number(x(points.count - 1)))" y="\#(baseline)" text-anchor="end">\#(points[points.count - 1].day)</text>"#
            }
            svg +=
                #"<text class="axis caption" x="\#(number(left + plotWidth / 2))" y="\#(number(height - 4))" text-anchor="middle">\#(escape(axisCaption))</text>"#
        }
        return svg + "</svg>"
    }

    /// A rate as a percentage with one decimal, e.g. `28.0%`.
    static func percent(_ rate: Double) -> String {
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// Text made safe inside SVG markup.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

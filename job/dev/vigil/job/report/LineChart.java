package dev.vigil.job.report;

import java.util.List;

/**
 * A line chart as SVG: a path per series and, while the points are few enough to tell apart, a marker
 * per point whose {@code <title>} is its tooltip (the browser shows it on hover, without script).
 */
final class LineChart {

    /** Above this many points a series is drawn as a line alone. */
    private static final int MAX_MARKERS = 150;

    private LineChart() {}

    static String svg(String kind, Axis x, Axis y, String xName, String yName, List<Series> series) {
        ChartFrame frame = new ChartFrame(x, y);
        StringBuilder svg = new StringBuilder();
        frame.open(svg, kind, xName, yName);
        for (Series s : series) {
            if (s.points().isEmpty()) {
                continue;
            }
            StringBuilder d = new StringBuilder();
            for (Series.Point p : s.points()) {
                d.append(d.length() == 0 ? 'M' : 'L').append(Markup.num(frame.px(p.x()))).append(' ')
                        .append(Markup.num(frame.py(p.y())));
            }
            svg.append("<path class=\"series\" data-series=\"").append(Markup.escape(s.name())).append("\" d=\"")
                    .append(d).append("\" stroke=\"").append(s.color()).append('"')
                    .append(s.dashed() ? " stroke-dasharray=\"5 4\"" : "").append("><title>")
                    .append(Markup.escape(s.name())).append("</title></path>");
            if (s.points().size() <= MAX_MARKERS) {
                for (Series.Point p : s.points()) {
                    svg.append("<circle class=\"point\" cx=\"").append(Markup.num(frame.px(p.x()))).append("\" cy=\"")
                            .append(Markup.num(frame.py(p.y()))).append("\" r=\"3\" fill=\"").append(s.color())
                            .append("\"><title>").append(Markup.escape(p.tooltip())).append("</title></circle>");
                }
            }
        }
        frame.close(svg);
        return svg.toString();
    }
}

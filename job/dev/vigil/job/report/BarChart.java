package dev.vigil.job.report;

import java.util.List;

/**
 * Stacked bars over time as SVG: each bar spans a time window; its parts stack upwards from zero for
 * positive values and downwards for negative ones (crossings out below crossings in). Each part is a
 * {@code rect} whose {@code <title>} is its tooltip.
 */
final class BarChart {

    /** One bar: a time window and its parts, stacked in order. */
    record Bar(double from, double to, List<Part> parts) {}

    /** One part of a bar. */
    record Part(String series, String color, double value, String tooltip) {}

    private BarChart() {}

    static String svg(String kind, Axis x, Axis y, String xName, String yName, List<Bar> bars) {
        ChartFrame frame = new ChartFrame(x, y);
        StringBuilder svg = new StringBuilder();
        frame.open(svg, kind, xName, yName);
        for (Bar bar : bars) {
            double x0 = frame.px(bar.from());
            double x1 = frame.px(bar.to());
            double gap = Math.min(3, (x1 - x0) * 0.1);
            double up = 0;
            double down = 0;
            for (Part part : bar.parts()) {
                if (part.value() == 0) {
                    continue;
                }
                double base = part.value() > 0 ? up : down;
                double end = base + part.value();
                if (part.value() > 0) {
                    up = end;
                } else {
                    down = end;
                }
                double top = frame.py(Math.max(base, end));
                double height = Math.abs(frame.py(base) - frame.py(end));
                svg.append("<rect class=\"bar\" data-series=\"").append(Markup.escape(part.series())).append("\" x=\"")
                        .append(Markup.num(x0 + gap)).append("\" y=\"").append(Markup.num(top)).append("\" width=\"")
                        .append(Markup.num(Math.max(1, x1 - x0 - 2 * gap))).append("\" height=\"")
                        .append(Markup.num(height)).append("\" fill=\"").append(part.color()).append("\"><title>")
                        .append(Markup.escape(part.tooltip())).append("</title></rect>");
            }
        }
        frame.close(svg);
        return svg.toString();
    }
}

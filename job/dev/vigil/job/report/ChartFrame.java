package dev.vigil.job.report;

/**
 * The frame every chart of the report is drawn in: an SVG of fixed proportions (scaled to the page's
 * width), grid lines and tick labels of both axes, and the axis names. Charts draw their data inside
 * {@link #left()}..{@link #right()} and {@link #top()}..{@link #bottom()}.
 */
final class ChartFrame {

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 24;
    private static final int BOTTOM = 34;

    private final Axis x;
    private final Axis y;

    ChartFrame(Axis x, Axis y) {
        this.x = x;
        this.y = y;
    }

    double left() {
        return LEFT;
    }

    double right() {
        return WIDTH - RIGHT;
    }

    double top() {
        return TOP;
    }

    double bottom() {
        return HEIGHT - BOTTOM;
    }

    double px(double value) {
        return x.at(value, left(), right());
    }

    double py(double value) {
        return y.at(value, bottom(), top());
    }

    /** Opens the SVG and draws the grid, the ticks and the axis names; close with {@link #close}. */
    void open(StringBuilder svg, String kind, String xName, String yName) {
        svg.append("<svg class=\"chart-svg\" data-kind=\"").append(kind).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<g class=\"grid\">");
        for (double tick : y.ticks()) {
            double at = py(tick);
            svg.append("<line x1=\"").append(Markup.num(left())).append("\" x2=\"").append(Markup.num(right()))
                    .append("\" y1=\"").append(Markup.num(at)).append("\" y2=\"").append(Markup.num(at))
                    .append(tick == 0 ? "\" class=\"zero\"/>" : "\"/>");
            svg.append("<text class=\"tick\" x=\"").append(Markup.num(left() - 6)).append("\" y=\"")
                    .append(Markup.num(at + 4)).append("\" text-anchor=\"end\">").append(y.label(tick)).append("</text>");
        }
        for (double tick : x.ticks()) {
            double at = px(tick);
            svg.append("<line x1=\"").append(Markup.num(at)).append("\" x2=\"").append(Markup.num(at))
                    .append("\" y1=\"").append(Markup.num(bottom())).append("\" y2=\"").append(Markup.num(bottom() + 4))
                    .append("\"/>");
            svg.append("<text class=\"tick\" x=\"").append(Markup.num(at)).append("\" y=\"")
                    .append(Markup.num(bottom() + 16)).append("\" text-anchor=\"middle\">").append(x.label(tick))
                    .append("</text>");
        }
        svg.append("</g>");
        svg.append("<text class=\"axis-name\" x=\"").append(Markup.num(right())).append("\" y=\"")
                .append(HEIGHT - 3).append("\" text-anchor=\"end\">").append(Markup.escape(xName)).append("</text>");
        svg.append("<text class=\"axis-name\" x=\"4\" y=\"").append(Markup.num(top() - 12)).append("\">")
                .append(Markup.escape(yName)).append("</text>");
    }

    void close(StringBuilder svg) {
        svg.append("</svg>");
    }
}

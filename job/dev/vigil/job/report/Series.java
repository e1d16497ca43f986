package dev.vigil.job.report;

import java.util.List;

/**
 * One named, coloured series of a line chart: points (x, y) in x order, each with the tooltip it shows.
 *
 * @param dashed drawn dashed (a summary line beside measured ones)
 */
record Series(String name, String color, List<Point> points, boolean dashed) {

    /** One point, with the text its tooltip shows. */
    record Point(double x, double y, String tooltip) {}
}

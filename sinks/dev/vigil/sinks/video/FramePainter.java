package dev.vigil.sinks.video;

import dev.vigil.operators.analytics.AnalyticsEvent;
import dev.vigil.operators.analytics.CameraSettings;
import dev.vigil.operators.analytics.LineSettings;
import dev.vigil.operators.analytics.Point;
import dev.vigil.operators.analytics.ZoneSettings;
import dev.vigil.operators.visual.FrameOverlay;
import dev.vigil.operators.visual.VisualFrame;
import dev.vigil.sources.Frame;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Draws a frame's overlay over its pixels with Java 2D: boxes with class, score and track id, short
 * trails, lines with their in/out counts, zones with their occupancy, and a header. One painter per
 * camera: it remembers each track's last positions for the trails (not across restores: a trail starts
 * again after one).
 */
public final class FramePainter {

    /** Positions a trail keeps. */
    static final int TRAIL_LENGTH = 24;

    private static final Color[] PALETTE = {
        new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e), new Color(0x2c, 0xa0, 0x2c),
        new Color(0xd6, 0x27, 0x28), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b),
        new Color(0xe3, 0x77, 0xc2), new Color(0x17, 0xbe, 0xcf), new Color(0xbc, 0xbd, 0x22)};
    static final Color HIGHLIGHT = new Color(0xff, 0xe0, 0x00);
    private static final Color LINE = new Color(0x00, 0xe0, 0xff);
    private static final Color ZONE = new Color(0xff, 0x40, 0xa0);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private final CameraSettings geometry;
    private final DrawOptions options;
    private final Map<Long, Deque<float[]>> trails = new HashMap<>();

    public FramePainter(CameraSettings geometry, DrawOptions options) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A picture sharing nothing with {@code frame}: a copy of its BGR pixels. */
    public static BufferedImage picture(Frame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(frame.pixels(), 0, target, 0, target.length);
        return image;
    }

    /** The pixels of a {@code TYPE_3BYTE_BGR} picture, BGR24, not copied. */
    public static byte[] bgr(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    /**
     * Remembers the frame's track positions (for trails) without drawing: for frames that are not in the
     * video (a stride), so that trails stay continuous.
     */
    public void observe(FrameOverlay overlay) {
        Set<Long> seen = new HashSet<>();
        for (FrameOverlay.Mark m : overlay.marks()) {
            if (m.trackId() < 0) {
                continue;
            }
            seen.add(m.trackId());
            Deque<float[]> trail = trails.computeIfAbsent(m.trackId(), id -> new ArrayDeque<>());
            trail.addLast(new float[] {(m.x1() + m.x2()) / 2, m.y2()});
            while (trail.size() > TRAIL_LENGTH) {
                trail.removeFirst();
            }
        }
        trails.keySet().retainAll(seen);
    }

    /** The annotated picture of {@code v} at the frame's own size; {@code fps} goes in the header (0: left out). */
    public BufferedImage paint(VisualFrame v, double fps) {
        observe(v.overlay());
        BufferedImage image = picture(v.frame());
        Graphics2D g = image.createGraphics();
        try {
            FrameOverlay o = v.overlay();
            double sx = (double) image.getWidth() / Math.max(1, o.width());
            double sy = (double) image.getHeight() / Math.max(1, o.height());
            float unit = (float) Math.max(1.0, image.getHeight() / 360.0);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(11 * unit)));
            if (options.has(DrawOptions.Element.ZONES)) {
                drawZones(g, o, sx, sy, unit);
            }
            if (options.has(DrawOptions.Element.LINES)) {
                drawLines(g, v, sx, sy, unit);
            }
            Set<Long> eventTracks = new HashSet<>();
            for (AnalyticsEvent e : o.events()) {
                eventTracks.add(e.trackId());
            }
            if (options.has(DrawOptions.Element.TRAILS)) {
                drawTrails(g, sx, sy, unit);
            }
            for (FrameOverlay.Mark m : o.marks()) {
                boolean event = m.trackId() >= 0 && eventTracks.contains(m.trackId());
                drawMark(g, m, sx, sy, unit, event ? HIGHLIGHT : colour(m.trackId()), event ? 3f : 1.5f);
            }
            if (options.has(DrawOptions.Element.HEADER)) {
                header(g, image.getWidth(), unit, o.cameraId() + "   " + TIME.format(Instant.ofEpochMilli(o.timestampMillis()))
                        + (fps > 0 ? String.format("   %.1f fps", fps) : "") + "   #" + o.sequence());
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The snapshot of {@code event}: the frame at full size with the event's track in a thick highlight,
     * the other objects thin, and a banner saying what happened; cropped around the track if asked.
     */
    public static BufferedImage snapshot(VisualFrame v, AnalyticsEvent event, boolean crop) {
        BufferedImage image = picture(v.frame());
        FrameOverlay o = v.overlay();
        double sx = (double) image.getWidth() / Math.max(1, o.width());
        double sy = (double) image.getHeight() / Math.max(1, o.height());
        float unit = (float) Math.max(1.0, image.getHeight() / 360.0);
        FrameOverlay.Mark target = null;
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(11 * unit)));
            for (FrameOverlay.Mark m : o.marks()) {
                if (m.trackId() == event.trackId()) {
                    target = m;
                } else {
                    mark(g, m, sx, sy, unit, colour(m.trackId()).darker(), 1, true, false);
                }
            }
            if (target != null) {
                mark(g, target, sx, sy, unit, HIGHLIGHT, 3, true, true);
            }
            header(g, image.getWidth(), unit, describe(event));
        } finally {
            g.dispose();
        }
        if (!crop || target == null) {
            return image;
        }
        int margin = Math.round(24 * unit);
        int x1 = clamp((int) Math.floor(target.x1() * sx) - margin, image.getWidth());
        int y1 = clamp((int) Math.floor(target.y1() * sy) - margin, image.getHeight());
        int x2 = clamp((int) Math.ceil(target.x2() * sx) + margin, image.getWidth());
        int y2 = clamp((int) Math.ceil(target.y2() * sy) + margin, image.getHeight());
        if (x2 - x1 < 16 || y2 - y1 < 16) {
            return image;
        }
        BufferedImage out = new BufferedImage(x2 - x1, y2 - y1, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D c = out.createGraphics();
        c.drawImage(image, 0, 0, x2 - x1, y2 - y1, x1, y1, x2, y2, null);
        c.dispose();
        return out;
    }

    /** One line saying what happened: type, line or zone, direction, track and class. */
    public static String describe(AnalyticsEvent e) {
        StringBuilder b = new StringBuilder(e.type().wireName());
        if (e.name() != null) {
            b.append(' ').append(e.name());
        }
        if (e.direction() != null) {
            b.append(' ').append(e.direction());
        }
        if (e.trackId() >= 0) {
            b.append("   #").append(e.trackId());
        }
        if (e.label() != null) {
            b.append(' ').append(e.label());
        }
        b.append("   ").append(e.cameraId()).append(' ').append(TIME.format(Instant.ofEpochMilli(e.timestampMillis())));
        return b.toString();
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    static Color colour(long trackId) {
        return trackId < 0 ? new Color(0x40, 0xff, 0x40) : PALETTE[(int) (trackId % PALETTE.length)];
    }

    private void drawMark(Graphics2D g, FrameOverlay.Mark m, double sx, double sy, float unit, Color colour,
            float width) {
        mark(g, m, sx, sy, unit, colour, width, options.has(DrawOptions.Element.BOXES),
                options.has(DrawOptions.Element.LABELS));
    }

    private static void mark(Graphics2D g, FrameOverlay.Mark m, double sx, double sy, float unit, Color colour,
            float width, boolean box, boolean label) {
        if (box) {
            g.setStroke(m.predicted()
                    ? new BasicStroke(width * unit, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                            new float[] {4 * unit, 4 * unit}, 0)
                    : new BasicStroke(width * unit));
            g.setColor(colour);
            g.drawRect((int) Math.round(m.x1() * sx), (int) Math.round(m.y1() * sy),
                    (int) Math.round((m.x2() - m.x1()) * sx), (int) Math.round((m.y2() - m.y1()) * sy));
        }
        if (label) {
            String text = (m.trackId() >= 0 ? "#" + m.trackId() + " " : "") + m.label()
                    + String.format(" %.2f", m.score());
            tag(g, text, (int) Math.round(m.x1() * sx), (int) Math.round(m.y1() * sy), colour, unit);
        }
    }

    private void drawTrails(Graphics2D g, double sx, double sy, float unit) {
        g.setStroke(new BasicStroke(2 * unit, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (Map.Entry<Long, Deque<float[]>> e : trails.entrySet()) {
            g.setColor(colour(e.getKey()));
            float[] previous = null;
            for (Iterator<float[]> i = e.getValue().iterator(); i.hasNext(); ) {
                float[] p = i.next();
                if (previous != null) {
                    g.drawLine((int) Math.round(previous[0] * sx), (int) Math.round(previous[1] * sy),
                            (int) Math.round(p[0] * sx), (int) Math.round(p[1] * sy));
                }
                previous = p;
            }
        }
    }

    private void drawLines(Graphics2D g, VisualFrame v, double sx, double sy, float unit) {
        Map<String, VisualFrame.LineTotal> totals = new HashMap<>();
        for (VisualFrame.LineTotal t : v.lines()) {
            totals.put(t.line(), t);
        }
        Set<String> crossedNow = new HashSet<>();
        v.overlay().crossings().forEach(c -> crossedNow.add(c.line()));
        for (LineSettings line : geometry.lines()) {
            Point a = line.a();
            Point b = line.b();
            g.setColor(crossedNow.contains(line.name()) ? HIGHLIGHT : LINE);
            g.setStroke(new BasicStroke(3 * unit, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawLine((int) Math.round(a.x() * sx), (int) Math.round(a.y() * sy), (int) Math.round(b.x() * sx),
                    (int) Math.round(b.y() * sy));
            VisualFrame.LineTotal t = totals.getOrDefault(line.name(), new VisualFrame.LineTotal(line.name(), 0, 0));
            tag(g, line.name() + "  in " + t.in() + "  out " + t.out(), (int) Math.round(a.x() * sx),
                    (int) Math.round(a.y() * sy), LINE.darker().darker(), unit);
        }
    }

    private void drawZones(Graphics2D g, FrameOverlay o, double sx, double sy, float unit) {
        Map<String, Integer> counts = new HashMap<>();
        for (FrameOverlay.ZoneCount z : o.zones()) {
            counts.put(z.zone(), z.count());
        }
        for (ZoneSettings zone : geometry.zones()) {
            Polygon p = new Polygon();
            for (Point q : zone.polygon()) {
                p.addPoint((int) Math.round(q.x() * sx), (int) Math.round(q.y() * sy));
            }
            int count = counts.getOrDefault(zone.name(), 0);
            Composite before = g.getComposite();
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, count > 0 ? 0.25f : 0.12f));
            g.setColor(ZONE);
            g.fillPolygon(p);
            g.setComposite(before);
            g.setStroke(new BasicStroke(2 * unit));
            g.drawPolygon(p);
            tag(g, zone.name() + ": " + count, p.xpoints[0], p.ypoints[0], ZONE.darker(), unit);
        }
    }

    private static void tag(Graphics2D g, String text, int x, int y, Color background, float unit) {
        FontMetrics fm = g.getFontMetrics();
        int pad = Math.round(2 * unit);
        int w = fm.stringWidth(text) + 2 * pad;
        int h = fm.getAscent() + fm.getDescent() + pad;
        int top = Math.max(0, y - h);
        g.setColor(background);
        g.fillRect(x, top, w, h);
        g.setColor(isLight(background) ? Color.BLACK : Color.WHITE);
        g.drawString(text, x + pad, top + fm.getAscent() + pad / 2);
    }

    private static void header(Graphics2D g, int width, float unit, String text) {
        FontMetrics fm = g.getFontMetrics();
        int h = fm.getAscent() + fm.getDescent() + Math.round(6 * unit);
        Composite before = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, width, h);
        g.setComposite(before);
        g.setColor(Color.WHITE);
        g.drawString(text, Math.round(6 * unit), Math.round(3 * unit) + fm.getAscent());
    }

    private static boolean isLight(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue() > 150;
    }
}

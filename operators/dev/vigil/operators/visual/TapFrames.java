package dev.vigil.operators.visual;

import dev.vigil.sources.Frame;
import dev.vigil.sources.PixelLayout;
import dev.vigil.sources.PixelStorage;

import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

import java.util.Objects;

/**
 * Hands the frames the drawing stage needs to it, beside the detection stage: only cameras it draws,
 * only sequences it may need, scaled down when nothing needs full size. Runs only when an annotated
 * video or snapshots are asked for; otherwise the job has no such branch and pixels stop at detection.
 *
 * <p>The pixels leave as they are ({@link PixelStorage#RAW}): a frame's JPEG storage, which the
 * screening step asks for, is meant for checkpoints, and would cost an encoding per frame on the way.
 */
public final class TapFrames extends RichFlatMapFunction<Frame, Frame> {

    private static final long serialVersionUID = 1L;

    private final VisualSettings settings;

    public TapFrames(VisualSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void flatMap(Frame frame, Collector<Frame> out) {
        if (frame.isDamaged() || frame.layout() != PixelLayout.BGR24 || !settings.covers(frame.cameraId())
                || !settings.mayNeed(frame.sequence())) {
            return;
        }
        double scale = settings.travelScale();
        out.collect(scale >= 1.0 ? frame.withPixelStorage(PixelStorage.RAW) : scaled(frame, scale));
    }

    /** {@code frame} scaled by {@code scale} (each output pixel the mean of the source pixels it covers). */
    public static Frame scaled(Frame frame, double scale) {
        int w = Math.max(2, (int) Math.round(frame.width() * scale)) & ~1;
        int h = Math.max(2, (int) Math.round(frame.height() * scale)) & ~1;
        byte[] src = frame.pixels();
        byte[] dst = new byte[w * h * 3];
        int sw = frame.width();
        int sh = frame.height();
        for (int y = 0; y < h; y++) {
            int y0 = (int) ((long) y * sh / h);
            int y1 = Math.max(y0 + 1, (int) ((long) (y + 1) * sh / h));
            for (int x = 0; x < w; x++) {
                int x0 = (int) ((long) x * sw / w);
                int x1 = Math.max(x0 + 1, (int) ((long) (x + 1) * sw / w));
                int b = 0;
                int g = 0;
                int r = 0;
                for (int yy = y0; yy < y1; yy++) {
                    int row = yy * sw * 3;
                    for (int xx = x0; xx < x1; xx++) {
                        int i = row + xx * 3;
                        b += src[i] & 0xff;
                        g += src[i + 1] & 0xff;
                        r += src[i + 2] & 0xff;
                    }
                }
                int n = (y1 - y0) * (x1 - x0);
                int o = (y * w + x) * 3;
                dst[o] = (byte) (b / n);
                dst[o + 1] = (byte) (g / n);
                dst[o + 2] = (byte) (r / n);
            }
        }
        return new Frame(frame.cameraId(), frame.sequence(), frame.timestampMillis(), frame.ingestTimeMillis(), w, h,
                PixelLayout.BGR24, dst, null);
    }
}

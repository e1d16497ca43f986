package dev.vigil.sources;


import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Objects;

/**
 * One decoded video frame of one camera, as it travels from a source to the detector.
 *
 * <p>A source that cannot decode part of its input still emits a frame for it, marked
 * {@linkplain #isDamaged() damaged} with a message that says what went wrong and where. Such a
 * frame has no pixels; the detection stage routes it to the rejects output so that damage is
 * visible downstream instead of being dropped inside the source. A damaged frame may stand for a
 * {@linkplain #gap stretch of frames} the source found missing from the stream: it then covers the
 * sequences from {@link #sequence()} to {@link #lastSequence()}, and {@link #lostFrames()} says how
 * many of them were lost.
 */
@TypeInfo(FrameTypeInfoFactory.class)
public final class Frame {

    private static final byte[] NO_PIXELS = new byte[0];

    private final String cameraId;
    private final long sequence;
    private final long timestampMillis;
    private final long ingestTimeMillis;
    private final int width;
    private final int height;
    private final PixelLayout layout;
    private final byte[] pixels;
    private final String damage;
    private final long lastSequence;
    private final long lostFrames;
    private final PixelStorage storage;
    private final CameraMotion motion;

    public Frame(
            String cameraId,
            long sequence,
            long timestampMillis,
            long ingestTimeMillis,
            int width,
            int height,
            PixelLayout layout,
            byte[] pixels,
            String damage) {
        this(cameraId, sequence, timestampMillis, ingestTimeMillis, width, height, layout, pixels, damage,
                sequence, damage == null ? 0 : 1, PixelStorage.RAW, null);
    }

    /** A damage marker that stands for {@code lostFrames} frames between two sequences; see {@link #gap}. */
    Frame(String cameraId, long sequence, long lastSequence, long lostFrames, long timestampMillis,
            long ingestTimeMillis, String damage) {
        this(cameraId, sequence, timestampMillis, ingestTimeMillis, 0, 0, PixelLayout.BGR24, NO_PIXELS,
                Objects.requireNonNull(damage, "damage"), lastSequence, lostFrames, PixelStorage.RAW, null);
        if (lastSequence < sequence || lostFrames < 1 || lostFrames > lastSequence - sequence + 1) {
            throw new IllegalArgumentException("a gap of " + lostFrames + " frames cannot lie between sequences "
                    + sequence + " and " + lastSequence);
        }
    }

    private Frame(
            String cameraId,
            long sequence,
            long timestampMillis,
            long ingestTimeMillis,
            int width,
            int height,
            PixelLayout layout,
            byte[] pixels,
            String damage,
            long lastSequence,
            long lostFrames,
            PixelStorage storage,
            CameraMotion motion) {
        this.cameraId = Objects.requireNonNull(cameraId, "cameraId");
        this.sequence = sequence;
        this.timestampMillis = timestampMillis;
        this.ingestTimeMillis = ingestTimeMillis;
        this.width = width;
        this.height = height;
        this.layout = Objects.requireNonNull(layout, "layout");
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.damage = damage;
        this.lastSequence = lastSequence;
        this.lostFrames = lostFrames;
        this.storage = Objects.requireNonNull(storage, "storage");
        this.motion = motion;
    }

    /** A decoded BGR24 frame. */
    public static Frame bgr(
            String cameraId, long sequence, long timestampMillis, int width, int height, byte[] pixels) {
        return new Frame(
                cameraId,
                sequence,
                timestampMillis,
                System.currentTimeMillis(),
                width,
                height,
                PixelLayout.BGR24,
                pixels,
                null);
    }

    /** A marker for input that could not be decoded; {@code damage} says what and where. */
    public static Frame damaged(String cameraId, long sequence, long timestampMillis, String damage) {
        return new Frame(
                cameraId,
                sequence,
                timestampMillis,
                System.currentTimeMillis(),
                0,
                0,
                PixelLayout.BGR24,
                NO_PIXELS,
                Objects.requireNonNull(damage, "damage"));
    }

    /**
     * A marker for frames missing from a stream: of the sequences {@code firstSequence} to
     * {@code lastSequence}, {@code lostFrames} would have been emitted (all of them, unless a stride
     * skips some on purpose). Its event time is that of the first missing frame, as far as known.
     */
    public static Frame gap(String cameraId, long firstSequence, long lastSequence, long lostFrames,
            long timestampMillis, String damage) {
        return new Frame(cameraId, firstSequence, lastSequence, lostFrames, timestampMillis,
                System.currentTimeMillis(), damage);
    }

    public String cameraId() {
        return cameraId;
    }

    /** Index of this frame in its camera's stream (0-based, counting frames skipped by a stride). */
    public long sequence() {
        return sequence;
    }

    /**
     * The last sequence this record stands for: its own sequence, except for a {@linkplain #gap gap}
     * marker, which covers the sequences from {@link #sequence()} to this one.
     */
    public long lastSequence() {
        return lastSequence;
    }

    /**
     * Frames of the stream this damaged frame stands for, counted as rejected frames: 1 for damage at
     * one place, the lost frames for a {@linkplain #gap gap}; 0 for a good frame.
     */
    public long lostFrames() {
        return lostFrames;
    }

    /** Event time: the frame's presentation timestamp, in milliseconds. */
    public long timestampMillis() {
        return timestampMillis;
    }

    /** Wall-clock time at which the source produced the frame (for end-to-end latency). */
    public long ingestTimeMillis() {
        return ingestTimeMillis;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public PixelLayout layout() {
        return layout;
    }

    /** The pixel bytes; not copied, so callers must not modify them. */
    public byte[] pixels() {
        return pixels;
    }

    /** How the pixels are written when this frame is serialized; see {@link PixelStorage}. */
    public PixelStorage pixelStorage() {
        return storage;
    }

    /**
     * This frame with its pixels written as {@code storage} says when serialized. The pixels are shared,
     * not copied; a damaged frame has none, so it stays as it is.
     */
    public Frame withPixelStorage(PixelStorage storage) {
        if (isDamaged()) {
            return this;
        }
        return new Frame(cameraId, sequence, timestampMillis, ingestTimeMillis, width, height, layout, pixels, damage,
                lastSequence, lostFrames, storage, motion);
    }

    /** The camera's estimated motion up to this frame (see {@link CameraMotion}), or null when not estimated. */
    public CameraMotion motion() {
        return motion;
    }

    /** This frame with the camera's estimated motion; the pixels are shared, not copied. */
    public Frame withMotion(CameraMotion motion) {
        return new Frame(cameraId, sequence, timestampMillis, ingestTimeMillis, width, height, layout, pixels, damage,
                lastSequence, lostFrames, storage, motion);
    }

    public boolean isDamaged() {
        return damage != null;
    }

    /** What went wrong decoding this frame, or {@code null} for a good frame. */
    public String damage() {
        return damage;
    }

    /** Whether the pixel buffer holds exactly {@code width x height} pixels of its layout. */
    public boolean hasConsistentPixels() {
        return width > 0 && height > 0 && pixels.length == layout.frameBytes(width, height);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Frame)) {
            return false;
        }
        Frame f = (Frame) o;
        return sequence == f.sequence
                && lastSequence == f.lastSequence
                && lostFrames == f.lostFrames
                && timestampMillis == f.timestampMillis
                && ingestTimeMillis == f.ingestTimeMillis
                && width == f.width
                && height == f.height
                && cameraId.equals(f.cameraId)
                && layout == f.layout
                && java.util.Arrays.equals(pixels, f.pixels)
                && Objects.equals(damage, f.damage)
                && Objects.equals(motion, f.motion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cameraId, sequence, timestampMillis, width, height);
    }

    @Override
    public String toString() {
        return "Frame{" + cameraId + "#" + sequence + " t=" + timestampMillis + "ms " + width + "x" + height
                + (lastSequence == sequence ? "" : ".." + lastSequence + " (" + lostFrames + " lost)")
                + (damage == null ? "" : " damaged: " + damage) + "}";
    }
}

package dev.vigil.sources;

import dev.vigil.models.BgrImage;
import dev.vigil.sources.serialization.VersionedRecordSerializer;

import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Serializer for {@link Frame}: a fixed header followed by the pixels, raw or, where the frame's
 * {@link PixelStorage} asks for it, as a JPEG. A JPEG is marked by a negative length (minus one minus
 * its byte count) and followed by its quality (0: the frame's own source JPEG), so state written before
 * JPEG storage existed, which
 * has only raw pixels and lengths of zero or more, reads the same as before.
 *
 * <p>Format 2 adds, after the damage of a damaged frame, the last sequence it stands for and the frames
 * it counts as lost (see {@link Frame#gap}); a damaged frame of format 1 stands for its own sequence and
 * one lost frame.
 *
 * <p>Format 3 adds, after the pixels, the camera's motion ({@link Frame#motion()}): a flag, then origin
 * sequence and offsets when there is one; frames of formats 1 and 2 have none.
 */
public final class FrameSerializer extends VersionedRecordSerializer<Frame> {

    private static final long serialVersionUID = 1L;

    static final int CURRENT_FORMAT = 3;

    public static final FrameSerializer INSTANCE = new FrameSerializer(CURRENT_FORMAT);

    private FrameSerializer(int readFormat) {
        super(CURRENT_FORMAT, readFormat);
    }

    static FrameSerializer reading(int format) {
        return format == CURRENT_FORMAT ? INSTANCE : new FrameSerializer(format);
    }

    private static final PixelLayout[] LAYOUTS = PixelLayout.values();

    @Override
    public Frame createInstance() {
        return Frame.damaged("", 0, 0, "empty");
    }

    @Override
    public void serialize(Frame frame, DataOutputView out) throws IOException {
        out.writeUTF(frame.cameraId());
        out.writeLong(frame.sequence());
        out.writeLong(frame.timestampMillis());
        out.writeLong(frame.ingestTimeMillis());
        out.writeInt(frame.width());
        out.writeInt(frame.height());
        out.writeByte(frame.layout().ordinal());
        writeNullableString(frame.damage(), out);
        if (frame.isDamaged()) {
            out.writeLong(frame.lastSequence());
            out.writeLong(frame.lostFrames());
        }
        PixelStorage storage = frame.pixelStorage();
        if (storage.isJpeg() && frame.hasConsistentPixels()) {
            byte[] jpeg = storage.jpegOf(frame);
            out.writeInt(-1 - jpeg.length);
            out.writeByte(storage.jpegQuality());
            out.write(jpeg);
        } else {
            byte[] pixels = frame.pixels();
            out.writeInt(pixels.length);
            out.write(pixels);
        }
        CameraMotion.writeNullable(frame.motion(), out);
    }

    private Frame withMotion(Frame frame, DataInputView in) throws IOException {
        return readFormat() < 3 ? frame : frame.withMotion(CameraMotion.readNullable(in));
    }

    @Override
    public Frame deserialize(DataInputView in) throws IOException {
        String cameraId = in.readUTF();
        long sequence = in.readLong();
        long timestamp = in.readLong();
        long ingest = in.readLong();
        int width = in.readInt();
        int height = in.readInt();
        PixelLayout layout = LAYOUTS[in.readByte()];
        String damage = readNullableString(in);
        if (damage != null && readFormat() >= 2) {
            long lastSequence = in.readLong();
            long lostFrames = in.readLong();
            skipPixels(in);
            return withMotion(new Frame(cameraId, sequence, lastSequence, lostFrames, timestamp, ingest, damage), in);
        }
        int length = in.readInt();
        if (length >= 0) {
            byte[] pixels = new byte[length];
            in.readFully(pixels);
            return withMotion(new Frame(cameraId, sequence, timestamp, ingest, width, height, layout, pixels, damage), in);
        }
        int quality = in.readUnsignedByte();
        byte[] jpeg = new byte[-1 - length];
        in.readFully(jpeg);
        BgrImage image = FrameImages.decode(jpeg, FrameImages.JPEG);
        if (image.width() != width || image.height() != height) {
            throw new IOException("the stored JPEG of frame " + sequence + " of camera '" + cameraId + "' is "
                    + image.width() + "x" + image.height() + ", the frame " + width + "x" + height);
        }
        return withMotion(new Frame(cameraId, sequence, timestamp, ingest, width, height, layout, image.pixels(), damage)
                .withPixelStorage(quality == 0 ? PixelStorage.source(jpeg) : PixelStorage.jpeg(quality, jpeg)), in);
    }

    /** A damaged frame has no pixels; their (empty) length is written all the same. */
    private static void skipPixels(DataInputView in) throws IOException {
        int length = in.readInt();
        if (length != 0) {
            throw new IOException("a damaged frame carries " + length + " pixel bytes");
        }
    }

    @Override
    public TypeSerializerSnapshot<Frame> snapshotConfiguration() {
        return new Snapshot();
    }

    /**
     * Snapshot for restoring state written by this serializer. Not final: the class name that savepoints
     * of version 0.1.0 use extends it, in the package where this serializer lived then.
     */
    public static class Snapshot extends VersionedRecordSerializer.Snapshot<Frame> {
        public Snapshot() {
            super("frame", CURRENT_FORMAT, FrameSerializer::reading);
        }
    }
}

package dev.vigil.operators.visual;

import dev.vigil.sources.FrameSerializer;
import dev.vigil.sources.serialization.ImmutableRecordSerializer;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Serializer for {@link VisualFrame}: the frame as {@link FrameSerializer} writes it, then the rest. */
public final class VisualFrameSerializer extends ImmutableRecordSerializer<VisualFrame> {

    private static final long serialVersionUID = 1L;

    public static final VisualFrameSerializer INSTANCE = new VisualFrameSerializer();

    @Override
    public VisualFrame createInstance() {
        return new VisualFrame(FrameSerializer.INSTANCE.createInstance(), FrameOverlaySerializer.INSTANCE.createInstance(),
                List.of(), false);
    }

    @Override
    public void serialize(VisualFrame r, DataOutputView out) throws IOException {
        FrameSerializer.INSTANCE.serialize(r.frame(), out);
        FrameOverlaySerializer.INSTANCE.serialize(r.overlay(), out);
        out.writeInt(r.lines().size());
        for (VisualFrame.LineTotal t : r.lines()) {
            out.writeUTF(t.line());
            out.writeLong(t.in());
            out.writeLong(t.out());
        }
        out.writeBoolean(r.annotate());
    }

    @Override
    public VisualFrame deserialize(DataInputView in) throws IOException {
        var frame = FrameSerializer.INSTANCE.deserialize(in);
        var overlay = FrameOverlaySerializer.INSTANCE.deserialize(in);
        int n = in.readInt();
        List<VisualFrame.LineTotal> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(new VisualFrame.LineTotal(in.readUTF(), in.readLong(), in.readLong()));
        }
        return new VisualFrame(frame, overlay, lines, in.readBoolean());
    }

    @Override
    public TypeSerializerSnapshot<VisualFrame> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<VisualFrame> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

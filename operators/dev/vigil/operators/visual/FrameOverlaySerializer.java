package dev.vigil.operators.visual;

import dev.vigil.operators.analytics.AnalyticsEvent;
import dev.vigil.operators.analytics.AnalyticsEventSerializer;
import dev.vigil.operators.analytics.FrameSummary;
import dev.vigil.sources.serialization.ImmutableRecordSerializer;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Serializer for {@link FrameOverlay}. */
public final class FrameOverlaySerializer extends ImmutableRecordSerializer<FrameOverlay> {

    private static final long serialVersionUID = 1L;

    public static final FrameOverlaySerializer INSTANCE = new FrameOverlaySerializer();

    @Override
    public FrameOverlay createInstance() {
        return new FrameOverlay("", 0, 0, 0, 0, List.of(), List.of(), List.of(), List.of());
    }

    @Override
    public void serialize(FrameOverlay r, DataOutputView out) throws IOException {
        out.writeUTF(r.cameraId());
        out.writeLong(r.sequence());
        out.writeLong(r.timestampMillis());
        out.writeInt(r.width());
        out.writeInt(r.height());
        out.writeInt(r.marks().size());
        for (FrameOverlay.Mark m : r.marks()) {
            out.writeLong(m.trackId());
            out.writeUTF(m.label());
            out.writeFloat(m.score());
            out.writeFloat(m.x1());
            out.writeFloat(m.y1());
            out.writeFloat(m.x2());
            out.writeFloat(m.y2());
            out.writeBoolean(m.predicted());
        }
        out.writeInt(r.events().size());
        for (AnalyticsEvent e : r.events()) {
            AnalyticsEventSerializer.INSTANCE.serialize(e, out);
        }
        out.writeInt(r.zones().size());
        for (FrameOverlay.ZoneCount z : r.zones()) {
            out.writeUTF(z.zone());
            out.writeInt(z.count());
        }
        out.writeInt(r.crossings().size());
        for (FrameSummary.Crossing c : r.crossings()) {
            out.writeUTF(c.line());
            out.writeUTF(c.label());
            out.writeBoolean(c.in());
        }
    }

    @Override
    public FrameOverlay deserialize(DataInputView in) throws IOException {
        String camera = in.readUTF();
        long sequence = in.readLong();
        long timestamp = in.readLong();
        int width = in.readInt();
        int height = in.readInt();
        int n = in.readInt();
        List<FrameOverlay.Mark> marks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            marks.add(new FrameOverlay.Mark(in.readLong(), in.readUTF(), in.readFloat(), in.readFloat(),
                    in.readFloat(), in.readFloat(), in.readFloat(), in.readBoolean()));
        }
        n = in.readInt();
        List<AnalyticsEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(AnalyticsEventSerializer.INSTANCE.deserialize(in));
        }
        n = in.readInt();
        List<FrameOverlay.ZoneCount> zones = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            zones.add(new FrameOverlay.ZoneCount(in.readUTF(), in.readInt()));
        }
        n = in.readInt();
        List<FrameSummary.Crossing> crossings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            crossings.add(new FrameSummary.Crossing(in.readUTF(), in.readUTF(), in.readBoolean()));
        }
        return new FrameOverlay(camera, sequence, timestamp, width, height, marks, events, zones, crossings);
    }

    @Override
    public TypeSerializerSnapshot<FrameOverlay> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<FrameOverlay> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

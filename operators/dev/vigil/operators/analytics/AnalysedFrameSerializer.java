package dev.vigil.operators.analytics;

import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.operators.track.TrackedFrameSerializer;
import dev.vigil.sources.serialization.ImmutableRecordSerializer;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Serializer for {@link AnalysedFrame}: the serializers of its parts, one after the other. */
public final class AnalysedFrameSerializer extends ImmutableRecordSerializer<AnalysedFrame> {

    private static final long serialVersionUID = 1L;

    public static final AnalysedFrameSerializer INSTANCE = new AnalysedFrameSerializer();

    @Override
    public AnalysedFrame createInstance() {
        return new AnalysedFrame(new TrackedFrame("", 0, 0, 0, 0, List.of()), List.of(),
                new FrameSummary("", 0, 0, Map.of(), List.of(), List.of()));
    }

    @Override
    public void serialize(AnalysedFrame record, DataOutputView out) throws IOException {
        TrackedFrameSerializer.INSTANCE.serialize(record.frame(), out);
        out.writeInt(record.events().size());
        for (AnalyticsEvent e : record.events()) {
            AnalyticsEventSerializer.INSTANCE.serialize(e, out);
        }
        FrameSummarySerializer.INSTANCE.serialize(record.summary(), out);
    }

    @Override
    public AnalysedFrame deserialize(DataInputView in) throws IOException {
        TrackedFrame frame = TrackedFrameSerializer.INSTANCE.deserialize(in);
        int count = in.readInt();
        List<AnalyticsEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(AnalyticsEventSerializer.INSTANCE.deserialize(in));
        }
        return new AnalysedFrame(frame, events, FrameSummarySerializer.INSTANCE.deserialize(in));
    }

    @Override
    public TypeSerializerSnapshot<AnalysedFrame> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<AnalysedFrame> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

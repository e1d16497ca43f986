package dev.vigil.operators.analytics;

import dev.vigil.sources.serialization.ImmutableRecordSerializer;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/** Serializer for {@link AnalyticsEvent}. */
public final class AnalyticsEventSerializer extends ImmutableRecordSerializer<AnalyticsEvent> {

    private static final long serialVersionUID = 1L;

    public static final AnalyticsEventSerializer INSTANCE = new AnalyticsEventSerializer();

    private static final AnalyticsEvent.Type[] TYPES = AnalyticsEvent.Type.values();

    @Override
    public AnalyticsEvent createInstance() {
        return AnalyticsEvent.config(AnalyticsEvent.Type.CONFIG_ACCEPTED, "", "", 0, null);
    }

    @Override
    public void serialize(AnalyticsEvent e, DataOutputView out) throws IOException {
        out.writeUTF(e.eventId());
        out.writeByte(e.type().ordinal());
        writeNullableString(e.cameraId(), out);
        out.writeLong(e.trackId());
        writeNullableString(e.label(), out);
        writeNullableString(e.name(), out);
        writeNullableString(e.direction(), out);
        out.writeLong(e.sequence());
        out.writeLong(e.timestampMillis());
        out.writeLong(e.dwellMillis());
        writeLongString(e.message(), out);
        writeNullableString(e.snapshot(), out);
    }

    @Override
    public AnalyticsEvent deserialize(DataInputView in) throws IOException {
        return new AnalyticsEvent(in.readUTF(), TYPES[in.readByte()], readNullableString(in), in.readLong(),
                readNullableString(in), readNullableString(in), readNullableString(in), in.readLong(), in.readLong(),
                in.readLong(), readLongString(in), readNullableString(in));
    }

    @Override
    public TypeSerializerSnapshot<AnalyticsEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<AnalyticsEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

package dev.vigil.operators.analytics;

import dev.vigil.sources.serialization.ImmutableRecordSerializer;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/** Serializer for {@link AnalyticsConfigUpdate} (text of any length). */
public final class AnalyticsConfigUpdateSerializer extends ImmutableRecordSerializer<AnalyticsConfigUpdate> {

    private static final long serialVersionUID = 1L;

    public static final AnalyticsConfigUpdateSerializer INSTANCE = new AnalyticsConfigUpdateSerializer();

    @Override
    public AnalyticsConfigUpdate createInstance() {
        return new AnalyticsConfigUpdate("", "");
    }

    @Override
    public void serialize(AnalyticsConfigUpdate u, DataOutputView out) throws IOException {
        writeLongString(u.source(), out);
        writeLongString(u.text(), out);
    }

    @Override
    public AnalyticsConfigUpdate deserialize(DataInputView in) throws IOException {
        return new AnalyticsConfigUpdate(readLongString(in),
                readLongString(in));
    }

    @Override
    public TypeSerializerSnapshot<AnalyticsConfigUpdate> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<AnalyticsConfigUpdate> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

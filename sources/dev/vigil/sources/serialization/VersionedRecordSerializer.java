package dev.vigil.sources.serialization;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.function.IntFunction;

/**
 * Base for the serializers of immutable records whose format has changed since their first release: a
 * serializer writes the current format and reads the format it was restored for.
 *
 * <p>Format 1 is what such a serializer wrote while its snapshot was Flink's
 * {@code SimpleTypeSerializerSnapshot}, which recorded snapshot versions 2 and 3 and no format at all; so
 * checkpoints and savepoints of that time restore as format 1. Format <i>n</i> is snapshot version
 * <i>n</i> + 2 from then on.
 */
public abstract class VersionedRecordSerializer<T> extends ImmutableRecordSerializer<T> {

    private static final long serialVersionUID = 1L;

    /** Snapshot versions up to this one were written by {@code SimpleTypeSerializerSnapshot}: format 1. */
    private static final int LAST_SIMPLE_SNAPSHOT_VERSION = 3;

    private final int readFormat;

    /**
     * @param currentFormat the format this code writes
     * @param readFormat the format this serializer reads
     */
    protected VersionedRecordSerializer(int currentFormat, int readFormat) {
        if (readFormat < 1 || readFormat > currentFormat) {
            throw new IllegalArgumentException("unknown format " + readFormat + " (current: " + currentFormat + ")");
        }
        this.readFormat = readFormat;
    }

    /** The format this serializer reads. */
    protected final int readFormat() {
        return readFormat;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((VersionedRecordSerializer<?>) o).readFormat == readFormat;
    }

    @Override
    public final int hashCode() {
        return 31 * getClass().hashCode() + readFormat;
    }

    /**
     * Records the format in checkpoints and savepoints; a serializer's concrete snapshot names the record,
     * the current format and a factory for a serializer reading a given format, and has a public
     * no-argument constructor for Flink.
     */
    public abstract static class Snapshot<T> implements TypeSerializerSnapshot<T> {

        private final String what;
        private final int currentFormat;
        private final IntFunction<TypeSerializer<T>> serializerReading;
        private int format;

        protected Snapshot(String what, int currentFormat, IntFunction<TypeSerializer<T>> serializerReading) {
            this.what = what;
            this.currentFormat = currentFormat;
            this.serializerReading = serializerReading;
            this.format = currentFormat;
        }

        @Override
        public final int getCurrentVersion() {
            return currentFormat + LAST_SIMPLE_SNAPSHOT_VERSION - 1;
        }

        @Override
        public final void writeSnapshot(DataOutputView out) {
            // The version that Flink writes before this snapshot is all the configuration there is.
        }

        @Override
        public final void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
            if (readVersion < 2 || readVersion > getCurrentVersion()) {
                throw new IOException(what + " snapshot version " + readVersion + " is unknown to this code (current: "
                        + getCurrentVersion() + ")");
            }
            if (readVersion == 2) {
                in.readUTF(); // the serializer class name, which version 2 of the simple snapshot wrote
            }
            this.format = Math.max(1, readVersion - (LAST_SIMPLE_SNAPSHOT_VERSION - 1));
        }

        @Override
        public final TypeSerializer<T> restoreSerializer() {
            return serializerReading.apply(format);
        }

        @Override
        public final TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
                TypeSerializerSnapshot<T> oldSnapshot) {
            if (!(oldSnapshot instanceof Snapshot) || !((Snapshot<T>) oldSnapshot).what.equals(what)) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            return FormatCompatibility.of(((Snapshot<T>) oldSnapshot).format, format);
        }
    }
}

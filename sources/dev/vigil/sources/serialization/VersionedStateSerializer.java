package dev.vigil.sources.serialization;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.function.IntFunction;

/**
 * Base for the serializers of Vigil's mutable operator state whose format may change: a serializer
 * writes the current format and reads the format {@code readVersion} it was restored for. Its
 * {@link Snapshot} records the format in checkpoints and savepoints; restoring older state gives a
 * serializer for the old format, and Flink migrates the state.
 */
public abstract class VersionedStateSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final String what;
    private final int readVersion;

    /**
     * @param what the state's name, for messages
     * @param currentVersion the format this code writes
     * @param readVersion the format this serializer reads
     */
    protected VersionedStateSerializer(String what, int currentVersion, int readVersion) {
        if (readVersion < 1 || readVersion > currentVersion) {
            throw new IllegalArgumentException("unknown " + what + " format " + readVersion);
        }
        this.what = what;
        this.readVersion = readVersion;
    }

    /** The format this serializer reads. */
    protected final int readVersion() {
        return readVersion;
    }

    @Override
    public final boolean isImmutableType() {
        return false;
    }

    @Override
    public final TypeSerializer<T> duplicate() {
        return this; // stateless
    }

    @Override
    public final T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public final int getLength() {
        return -1;
    }

    @Override
    public final T deserialize(T reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public final void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((VersionedStateSerializer<?>) o).readVersion == readVersion;
    }

    @Override
    public final int hashCode() {
        return 31 * getClass().hashCode() + readVersion;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + what + " format " + readVersion + "}";
    }

    /**
     * Records the state format version; a serializer's concrete snapshot gives its name, current
     * version and a factory for a serializer reading a given version, and a public no-argument
     * constructor for Flink.
     */
    public abstract static class Snapshot<T> implements TypeSerializerSnapshot<T> {

        private final String what;
        private final int currentVersion;
        private final IntFunction<TypeSerializer<T>> serializerReading;
        private int version;

        protected Snapshot(String what, int currentVersion, IntFunction<TypeSerializer<T>> serializerReading,
                int version) {
            this.what = what;
            this.currentVersion = currentVersion;
            this.serializerReading = serializerReading;
            this.version = version;
        }

        @Override
        public final int getCurrentVersion() {
            return currentVersion;
        }

        @Override
        public final void writeSnapshot(DataOutputView out) {
            // The version that Flink writes before this snapshot is all the configuration there is.
        }

        @Override
        public final void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
            if (readVersion < 1 || readVersion > currentVersion) {
                throw new IOException(what + " format " + readVersion + " is newer than this code (" + currentVersion + ")");
            }
            this.version = readVersion;
        }

        @Override
        public final TypeSerializer<T> restoreSerializer() {
            return serializerReading.apply(version);
        }

        @Override
        public final TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
            if (oldSnapshot == null || oldSnapshot.getClass() != getClass()) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            return FormatCompatibility.of(((Snapshot<T>) oldSnapshot).version, version);
        }
    }
}

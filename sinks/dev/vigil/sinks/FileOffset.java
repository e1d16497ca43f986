package dev.vigil.sinks;

import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;

/**
 * How many bytes of an output file belonged to a completed checkpoint: a restored writer cuts the
 * file back to this length, removing lines written after the checkpoint, before it appends.
 *
 * @param path the output file
 * @param length its length in bytes when the checkpoint was taken
 */
public record FileOffset(String path, long length) {

    /** Versioned serializer for {@link FileOffset} in the writer's checkpointed state. */
    public static final class Serializer implements SimpleVersionedSerializer<FileOffset> {

        private static final int VERSION = 1;

        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(FileOffset offset) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(offset.path());
                out.writeLong(offset.length());
            }
            return bytes.toByteArray();
        }

        @Override
        public FileOffset deserialize(int version, byte[] serialized) throws IOException {
            if (version != VERSION) {
                throw new IOException("unknown FileOffset state version " + version + " (this build reads "
                        + VERSION + ")");
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return new FileOffset(in.readUTF(), in.readLong());
            }
        }
    }
}

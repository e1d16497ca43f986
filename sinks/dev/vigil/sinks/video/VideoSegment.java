package dev.vigil.sinks.video;

import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * A committable of the annotated video sink: a closed segment to move to its final name, or (for a
 * camera whose input ended) the order to join that camera's segments into its one file.
 *
 * @param camera camera
 * @param pending the closed segment's file, or null for a join
 * @param target where the segment goes, or the joined file
 */
public record VideoSegment(String camera, String pending, String target) {

    public VideoSegment {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(target, "target");
    }

    public boolean isJoin() {
        return pending == null;
    }

    /** Version 1: camera, whether pending is there, pending, target, as UTF strings. */
    public static final class Serializer implements SimpleVersionedSerializer<VideoSegment> {

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(VideoSegment s) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(s.camera());
                out.writeBoolean(s.pending() != null);
                if (s.pending() != null) {
                    out.writeUTF(s.pending());
                }
                out.writeUTF(s.target());
            }
            return bytes.toByteArray();
        }

        @Override
        public VideoSegment deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("unknown video segment format " + version);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                String camera = in.readUTF();
                String pending = in.readBoolean() ? in.readUTF() : null;
                return new VideoSegment(camera, pending, in.readUTF());
            }
        }
    }
}

package dev.vigil.operators;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

/** Rejects written before a reject could stand for several frames (format 1) restore as single frames. */
class RejectSerializerFormatsTest {

    @Test
    void aSnapshotOfTheSimpleSnapshotsTimeReadsFormatOne() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeUTF("street");
        out.writeLong(412);
        out.writeLong(17_166);
        out.writeByte(Reject.Stage.DECODE.ordinal());
        byte[] reason = "stream ended at frame 412".getBytes(StandardCharsets.UTF_8);
        out.writeInt(reason.length);
        out.write(reason);
        out.writeLong(5L);
        RejectSerializer.Snapshot old = new RejectSerializer.Snapshot();
        old.readSnapshot(3, new DataInputDeserializer(new byte[0]), getClass().getClassLoader());
        TypeSerializer<Reject> restored = old.restoreSerializer();

        Reject reject = restored.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(reject).isEqualTo(
                new Reject("street", 412, 17_166, Reject.Stage.DECODE, "stream ended at frame 412", 5L, 412, 1));
        assertThat(new RejectSerializer.Snapshot().resolveSchemaCompatibility(old).isCompatibleAfterMigration())
                .isTrue();
    }
}

package dev.vigil.operators;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

class RejectSerializerTest extends SerializerTestBase<Reject> {

    @Override
    protected TypeSerializer<Reject> createSerializer() {
        return new RejectSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<Reject> getTypeClass() {
        return Reject.class;
    }

    @Override
    protected Reject[] getTestData() {
        return new Reject[] {
            new Reject("street", 412, 17_166, Reject.Stage.DECODE, "/videos/street.mp4: stream ended at frame 412", 1L),
            // Reasons can be longer than writeUTF's 64 KiB limit when they quote a long error chain.
            new Reject("cam", 0, 0, Reject.Stage.DETECT, "x".repeat(70_000), 2L),
            new Reject("street", 105, 4_375, Reject.Stage.DECODE, "frames 105 to 183 are missing", 3L, 183, 79)
        };
    }
}

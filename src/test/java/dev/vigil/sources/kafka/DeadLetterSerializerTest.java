package dev.vigil.sources.kafka;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

class DeadLetterSerializerTest extends SerializerTestBase<DeadLetter> {

    @Override
    protected TypeSerializer<DeadLetter> createSerializer() {
        return new DeadLetterSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<DeadLetter> getTypeClass() {
        return DeadLetter.class;
    }

    @Override
    protected DeadLetter[] getTestData() {
        EncodedFrame[] frames = EncodedFrameSerializerTest.EncodedFrames.samples();
        return new DeadLetter[] {
            new DeadLetter(frames[0], DeadLetterReason.UNDECODABLE_IMAGE, "frames/3@1234567: cannot decode"),
            new DeadLetter(frames[1], DeadLetterReason.EMPTY_IMAGE, ""),
            // Details beyond writeUTF's 64 KiB limit.
            new DeadLetter(frames[2], DeadLetterReason.MISSING_HEADER, "x".repeat(70_000)),
        };
    }
}

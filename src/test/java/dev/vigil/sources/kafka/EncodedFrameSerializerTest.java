package dev.vigil.sources.kafka;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.util.List;

class EncodedFrameSerializerTest extends SerializerTestBase<EncodedFrame> {

    @Override
    protected TypeSerializer<EncodedFrame> createSerializer() {
        return new EncodedFrameSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<EncodedFrame> getTypeClass() {
        return EncodedFrame.class;
    }

    @Override
    protected EncodedFrame[] getTestData() {
        return EncodedFrames.samples();
    }

    /** Records covering null keys and values, empty values, duplicate and null-valued headers. */
    static final class EncodedFrames {
        static EncodedFrame[] samples() {
            return new EncodedFrame[] {
                new EncodedFrame("frames", 3, 1_234_567, 1_700_000_000_000L, FrameTopic.text("gate"),
                        new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3},
                        DecodeFramesTest.headers("gate", "12", "1700000000000", FrameTopic.JPEG)),
                new EncodedFrame("frames", 0, 0, -1, null, null, List.of()),
                new EncodedFrame("t", 1, 2, 3, new byte[0], new byte[0],
                        List.of(new RecordHeader("a", null), new RecordHeader("a", new byte[] {9}))),
            };
        }
    }
}

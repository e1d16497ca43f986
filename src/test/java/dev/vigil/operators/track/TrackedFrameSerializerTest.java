package dev.vigil.operators.track;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.util.List;

class TrackedFrameSerializerTest extends SerializerTestBase<TrackedFrame> {

    @Override
    protected TypeSerializer<TrackedFrame> createSerializer() {
        return new TrackedFrameSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<TrackedFrame> getTypeClass() {
        return TrackedFrame.class;
    }

    @Override
    protected TrackedFrame[] getTestData() {
        return new TrackedFrame[] {
            new TrackedFrame("street", 0, 0, 640, 352, List.of()),
            new TrackedFrame("gate-ü", 12_345, 514_000, 1920, 1080, List.of(
                    new TrackedObject(1, 0, "person", 0.91f, 10.5f, 20f, 50f, 120.25f, 1.5f, -0.25f, 40, TrackState.CONFIRMED),
                    new TrackedObject(7, 2, "car", 0.4f, 0f, 0f, 300f, 200f, 0f, 0f, 0, TrackState.TENTATIVE),
                    new TrackedObject(1L << 40, 2, "car", 0.6f, 5f, 5f, 30f, 20f, -3f, 2f, 99, TrackState.LOST)))
        };
    }
}

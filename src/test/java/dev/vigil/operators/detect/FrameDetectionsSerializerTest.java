package dev.vigil.operators.detect;

import dev.vigil.models.Detection;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.util.List;

class FrameDetectionsSerializerTest extends SerializerTestBase<FrameDetections> {

    @Override
    protected TypeSerializer<FrameDetections> createSerializer() {
        return new FrameDetectionsSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<FrameDetections> getTypeClass() {
        return FrameDetections.class;
    }

    @Override
    protected FrameDetections[] getTestData() {
        FrameDetections.Timing timing = new FrameDetections.Timing(1_700_000_000_000L, 1_700_000_000_040L, 4, 900, 12_000, 150);
        return new FrameDetections[] {
            new FrameDetections("street", 0, 0, 640, 352, "nanodet-plus-m-320", List.of(), timing),
            new FrameDetections("gate-ü", 12_345, 514_000, 1920, 1080, "yolov6lite-s",
                    List.of(new Detection(2, "car", 0.91f, 10.5f, 20f, 300f, 200.25f),
                            new Detection(0, "person", 0.35f, 0f, 0f, 1920f, 1080f)),
                    timing)
        };
    }
}

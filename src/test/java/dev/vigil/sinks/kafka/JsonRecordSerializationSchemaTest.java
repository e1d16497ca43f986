package dev.vigil.sinks.kafka;

import dev.vigil.models.Detection;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.sinks.FrameDetectionsJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A result record as a Kafka record: keyed by camera, the JSON document as value, stamped when written. */
class JsonRecordSerializationSchemaTest {

    @Test
    void aResultOfAVideoFileIsStampedWhenWrittenNotWithItsPresentationTime() throws Exception {
        // Frame 42 of a video file: 1.75 s into the video, which as an epoch time is January 1970.
        FrameDetections result = new FrameDetections("street", 42, 1750, 640, 352, "nanodet-plus-m-320",
                List.of(new Detection(2, "car", 0.9f, 10f, 20f, 300f, 200f)),
                new FrameDetections.Timing(1000, 1040, 1, 800, 9000, 120));
        JsonRecordSerializationSchema<FrameDetections> schema =
                new JsonRecordSerializationSchema<>("detections", new FrameDetectionsJson(), FrameDetections::cameraId);

        ProducerRecord<byte[], byte[]> record = schema.serialize(result, null, 1750L);

        assertThat(record.topic()).isEqualTo("detections");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("street");
        assertThat(record.timestamp()).as("left to the producer: the time of writing").isNull();
        assertThat(new ObjectMapper().readTree(record.value()).get("timestamp_ms").asLong())
                .as("the event time stays in the document").isEqualTo(1750);
    }
}

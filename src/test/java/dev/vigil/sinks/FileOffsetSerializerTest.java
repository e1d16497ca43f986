package dev.vigil.sinks;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileOffsetSerializerTest {

    @Test
    void roundTrip() throws IOException {
        FileOffset.Serializer serializer = new FileOffset.Serializer();
        FileOffset offset = new FileOffset("/out/detections.jsonl", 123_456_789_012L);

        byte[] bytes = serializer.serialize(offset);

        assertThat(serializer.deserialize(serializer.getVersion(), bytes)).isEqualTo(offset);
    }

    @Test
    void unknownVersionIsRejectedWithBothVersions() {
        FileOffset.Serializer serializer = new FileOffset.Serializer();
        assertThatThrownBy(() -> serializer.deserialize(7, new byte[0]))
                .hasMessageContaining("unknown FileOffset state version 7 (this build reads 1)");
    }
}

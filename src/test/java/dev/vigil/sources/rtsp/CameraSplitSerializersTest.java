package dev.vigil.sources.rtsp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CameraSplitSerializersTest {

    @Test
    void splitRoundTrips() throws IOException {
        CameraSplit split = new CameraSplit("kamera-süd", 123_456_789L);
        byte[] bytes = CameraSplitSerializer.INSTANCE.serialize(split);
        assertThat(CameraSplitSerializer.INSTANCE.deserialize(CameraSplitSerializer.INSTANCE.getVersion(), bytes))
                .isEqualTo(split);
    }

    @Test
    void assignmentsRoundTrip() throws IOException {
        CameraAssignments state = new CameraAssignments(Set.of("a", "b"),
                List.of(new CameraSplit("c", 0), new CameraSplit("d", 42)));
        CameraAssignmentsSerializer serializer = CameraAssignmentsSerializer.INSTANCE;
        CameraAssignments read = serializer.deserialize(serializer.getVersion(), serializer.serialize(state));
        assertThat(read).isEqualTo(state);
    }

    @Test
    void unknownVersionsAreRefusedWithAMessage() {
        assertThatThrownBy(() -> CameraSplitSerializer.INSTANCE.deserialize(7, new byte[0]))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown camera split format 7");
    }
}

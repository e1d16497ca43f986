package dev.vigil.sources.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

class SplitSerializersTest {

    private static final VideoSplit FRESH = new VideoSplit("gate-1", "/videos/gate 1.mp4", ReadPosition.START);
    private static final VideoSplit MID_LOOP = new VideoSplit(
            "käfig-Ost", "/videos/east.mp4", new ReadPosition(123, 2, 754, 60_320, 441, 70_080, false));
    private static final VideoSplit DONE = new VideoSplit(
            "cam", "relative/cam.mkv", new ReadPosition(147, 0, 0, 0, 148, 11_680, true));

    @Test
    void splitRoundTrip() throws IOException {
        VideoSplitSerializer serializer = VideoSplitSerializer.INSTANCE;
        for (VideoSplit split : List.of(FRESH, MID_LOOP, DONE)) {
            VideoSplit copy = serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
            assertThat(copy).isEqualTo(split);
            assertThat(copy.splitId()).isEqualTo(split.cameraId());
        }
    }

    @Test
    void pendingSplitsRoundTrip() throws IOException {
        PendingVideoSplitsSerializer serializer = PendingVideoSplitsSerializer.INSTANCE;
        for (PendingVideoSplits state : List.of(
                new PendingVideoSplits(List.of()), new PendingVideoSplits(List.of(FRESH, MID_LOOP, DONE)))) {
            PendingVideoSplits copy = serializer.deserialize(serializer.getVersion(), serializer.serialize(state));
            assertThat(copy).isEqualTo(state);
        }
    }

    @Test
    void unknownVersionsAreRejected() throws IOException {
        byte[] bytes = VideoSplitSerializer.INSTANCE.serialize(FRESH);
        assertThatThrownBy(() -> VideoSplitSerializer.INSTANCE.deserialize(99, bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 99");
        assertThatThrownBy(() -> PendingVideoSplitsSerializer.INSTANCE.deserialize(99, new byte[4]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 99");
    }
}

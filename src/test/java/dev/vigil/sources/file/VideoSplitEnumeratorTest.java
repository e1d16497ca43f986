package dev.vigil.sources.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

class VideoSplitEnumeratorTest {

    private static final List<VideoSplit> CAMERAS = List.of(
            camera("a"), camera("b"), camera("c"));

    @Test
    void eachReaderGetsItsShareOfCamerasThenNoMore() throws Exception {
        try (MockSplitEnumeratorContext<VideoSplit> context = new MockSplitEnumeratorContext<>(2)) {
            VideoSplitEnumerator enumerator = new VideoSplitEnumerator(context, ids(CAMERAS), CAMERAS);
            register(context, 0, 1);

            enumerator.handleSplitRequest(1, "host");
            assertThat(assignedTo(context, 1)).containsExactly("b");
            assertThat(context.hasNoMoreSplits(1)).isTrue();

            enumerator.handleSplitRequest(0, "host");
            assertThat(assignedTo(context, 0)).containsExactly("a", "c");
            assertThat(context.hasNoMoreSplits(0)).isTrue();
            assertThat(enumerator.snapshotState(1).splits()).isEmpty();
        }
    }

    @Test
    void camerasGivenBackGoToTheReplacementReader() throws Exception {
        try (MockSplitEnumeratorContext<VideoSplit> context = new MockSplitEnumeratorContext<>(1)) {
            VideoSplitEnumerator enumerator = new VideoSplitEnumerator(context, ids(CAMERAS), CAMERAS);
            register(context, 0);
            enumerator.handleSplitRequest(0, "host");

            VideoSplit progressed = CAMERAS.get(1).at(new ReadPosition(40, 0, 0, 0, 40, 3_120, false));
            enumerator.addSplitsBack(List.of(progressed), 0);
            assertThat(enumerator.snapshotState(2).splits()).containsExactly(progressed);

            enumerator.handleSplitRequest(0, "host");
            SplitsAssignment<VideoSplit> last =
                    context.getSplitsAssignmentSequence().get(context.getSplitsAssignmentSequence().size() - 1);
            assertThat(last.assignment().get(0)).containsExactly(progressed);
        }
    }

    @Test
    void restoredEnumeratorHandsOutOnlyWhatWasPending() throws Exception {
        try (MockSplitEnumeratorContext<VideoSplit> context = new MockSplitEnumeratorContext<>(1)) {
            VideoSplitEnumerator enumerator =
                    new VideoSplitEnumerator(context, ids(CAMERAS), List.of(CAMERAS.get(2)));
            register(context, 0);
            enumerator.handleSplitRequest(0, "host");
            assertThat(assignedTo(context, 0)).containsExactly("c");
        }
    }

    private static void register(MockSplitEnumeratorContext<VideoSplit> context, int... subtasks) {
        for (int subtask : subtasks) {
            context.registerReader(new ReaderInfo(subtask, "host"));
        }
    }

    private static List<String> assignedTo(MockSplitEnumeratorContext<VideoSplit> context, int subtask) {
        return context.getSplitsAssignmentSequence().stream()
                .map(a -> a.assignment().getOrDefault(subtask, List.of()))
                .flatMap(List::stream)
                .map(VideoSplit::cameraId)
                .collect(Collectors.toList());
    }

    private static List<String> ids(List<VideoSplit> splits) {
        return splits.stream().map(VideoSplit::cameraId).collect(Collectors.toList());
    }

    private static VideoSplit camera(String id) {
        return new VideoSplit(id, "/videos/" + id + ".mp4", ReadPosition.START);
    }
}

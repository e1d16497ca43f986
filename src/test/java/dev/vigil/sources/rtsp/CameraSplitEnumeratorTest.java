package dev.vigil.sources.rtsp;

import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CameraSplitEnumeratorTest {

    @Test
    void camerasSpreadOverTheReadersThatRegister() throws Exception {
        try (MockSplitEnumeratorContext<CameraSplit> context = new MockSplitEnumeratorContext<>(2)) {
            CameraSplitEnumerator enumerator =
                    new CameraSplitEnumerator(context, List.of("a", "b", "c"), CameraSplitEnumerator.initial());
            context.registerReader(new ReaderInfo(1, "host"));
            enumerator.addReader(1);
            assertThat(assigned(context)).containsExactly("b@1#0");
            context.registerReader(new ReaderInfo(0, "host"));
            enumerator.addReader(0);
            assertThat(assigned(context)).containsExactly("b@1#0", "a@0#0", "c@0#0");
            assertThat(enumerator.snapshotState(1)).isEqualTo(new CameraAssignments(Set.of("a", "b", "c"), List.of()));
        }
    }

    @Test
    void restoreHandsOutOnlyNewCamerasAndForgetsRemovedOnes() throws Exception {
        try (MockSplitEnumeratorContext<CameraSplit> context = new MockSplitEnumeratorContext<>(1)) {
            // "stays" lives in a reader's state; "gone" was pending and is no longer configured.
            CameraAssignments restored = new CameraAssignments(Set.of("stays", "removed"),
                    List.of(new CameraSplit("gone", 7)));
            CameraSplitEnumerator enumerator = new CameraSplitEnumerator(context, List.of("stays", "added"), restored);
            context.registerReader(new ReaderInfo(0, "host"));
            enumerator.handleSplitRequest(0, "host");
            assertThat(assigned(context)).containsExactly("added@0#0");
            assertThat(enumerator.snapshotState(2).assigned()).containsExactlyInAnyOrder("stays", "added");
        }
    }

    @Test
    void camerasGivenBackGoOutAgainWithTheirSequence() throws Exception {
        try (MockSplitEnumeratorContext<CameraSplit> context = new MockSplitEnumeratorContext<>(1)) {
            CameraSplitEnumerator enumerator =
                    new CameraSplitEnumerator(context, List.of("a"), CameraSplitEnumerator.initial());
            context.registerReader(new ReaderInfo(0, "host"));
            enumerator.addReader(0);
            enumerator.addSplitsBack(List.of(new CameraSplit("a", 500)), 0);
            enumerator.addReader(0);
            assertThat(assigned(context)).containsExactly("a@0#0", "a@0#500");
        }
    }

    private static List<String> assigned(MockSplitEnumeratorContext<CameraSplit> context) {
        return context.getSplitsAssignmentSequence().stream()
                .flatMap(a -> a.assignment().entrySet().stream()
                        .flatMap(e -> e.getValue().stream().map(s -> s.cameraId() + "@" + e.getKey() + "#" + s.nextSequence())))
                .toList();
    }
}

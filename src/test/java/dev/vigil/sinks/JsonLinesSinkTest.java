package dev.vigil.sinks;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonLinesSinkTest {

    private static final JsonLineEncoder<String> QUOTED = s -> "\"" + s + "\"";
    private static final SinkWriter.Context NO_CONTEXT = new SinkWriter.Context() {
        @Override
        public long currentWatermark() {
            return Long.MIN_VALUE;
        }

        @Override
        public Long timestamp() {
            return null;
        }
    };

    @TempDir
    Path dir;

    @Test
    void writesOneLinePerRecordCreatingParentDirectories() throws Exception {
        Path file = dir.resolve("a/b/out.jsonl");
        try (JsonLinesWriter<String> writer = new JsonLinesWriter<>(file, QUOTED, List.of())) {
            writer.write("one", NO_CONTEXT);
            writer.write("two", NO_CONTEXT);
            writer.flush(true);
        }
        assertThat(Files.readAllLines(file)).containsExactly("\"one\"", "\"two\"");
    }

    @Test
    void freshStartEmptiesAnOldFile() throws Exception {
        Path file = dir.resolve("out.jsonl");
        Files.writeString(file, "\"stale\"\n");
        try (JsonLinesWriter<String> writer = new JsonLinesWriter<>(file, QUOTED, List.of())) {
            writer.write("new", NO_CONTEXT);
        }
        assertThat(Files.readAllLines(file)).containsExactly("\"new\"");
    }

    @Test
    void restoreCutsLinesWrittenAfterTheCheckpointAndAppends() throws Exception {
        Path file = dir.resolve("out.jsonl");
        List<FileOffset> checkpoint;
        JsonLinesWriter<String> first = new JsonLinesWriter<>(file, QUOTED, List.of());
        first.write("a", NO_CONTEXT);
        first.write("b", NO_CONTEXT);
        first.flush(false);
        checkpoint = first.snapshotState(1);
        // Written after the checkpoint, then the job fails: these lines must not survive the restore.
        first.write("c", NO_CONTEXT);
        first.flush(false);
        first.close();
        assertThat(Files.readAllLines(file)).containsExactly("\"a\"", "\"b\"", "\"c\"");

        try (JsonLinesWriter<String> restored = new JsonLinesWriter<>(file, QUOTED, checkpoint)) {
            restored.write("c", NO_CONTEXT);
            restored.write("d", NO_CONTEXT);
        }

        assertThat(Files.readAllLines(file)).containsExactly("\"a\"", "\"b\"", "\"c\"", "\"d\"");
    }

    @Test
    void restoreFailsClearlyWhenTheOutputWasTruncatedBehindItsBack() throws Exception {
        Path file = dir.resolve("out.jsonl");
        Files.writeString(file, "x\n");
        List<FileOffset> checkpoint = List.of(new FileOffset(file.toString(), 100));

        assertThatThrownBy(() -> new JsonLinesWriter<>(file, QUOTED, checkpoint))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has 2 bytes but the checkpoint recorded 100");
    }

    @Test
    void linesLongerThanTheBufferAreWrittenWhole() throws Exception {
        Path file = dir.resolve("out.jsonl");
        String big = "y".repeat(200_000);
        try (JsonLinesWriter<String> writer = new JsonLinesWriter<>(file, QUOTED, List.of())) {
            writer.write("small", NO_CONTEXT);
            writer.write(big, NO_CONTEXT);
            writer.write("after", NO_CONTEXT);
        }
        assertThat(Files.readAllLines(file)).containsExactly("\"small\"", "\"" + big + "\"", "\"after\"");
    }

    @Test
    void eachSubtaskGetsItsOwnFileWhenParallel() {
        Path file = Path.of("/out/detections.jsonl");
        assertThat(JsonLinesSink.fileOf(file, 0, 1)).isEqualTo(file);
        assertThat(JsonLinesSink.fileOf(file, 2, 4)).isEqualTo(Path.of("/out/detections-2.jsonl"));
        assertThat(JsonLinesSink.fileOf(Path.of("/out/results"), 1, 2)).isEqualTo(Path.of("/out/results-1"));
    }

    @Test
    void aFullDiskStopsTheJobNamingTheFileAndTheSystemsReasonWithoutRestarts() throws Exception {
        Path full = Path.of("/dev/full"); // every write fails with ENOSPC, as on a full disk
        JsonLinesWriter<String> writer = new JsonLinesWriter<>(full, QUOTED, List.of());
        writer.write("a", NO_CONTEXT);

        assertThatThrownBy(() -> writer.flush(false))
                .isInstanceOf(SuppressRestartsException.class)
                .rootCause()
                .hasMessage("cannot write output /dev/full: No space left on device");
    }

    @Test
    void anOutputThatCannotBeCreatedIsNamedWithTheReason() {
        Path impossible = Path.of("/proc/no-such-dir/detections.jsonl");

        assertThatThrownBy(() -> new JsonLinesWriter<>(impossible, QUOTED, List.of()))
                .isInstanceOf(SuppressRestartsException.class)
                .rootCause()
                .hasMessageStartingWith("cannot open output " + impossible + ": ");
    }
}

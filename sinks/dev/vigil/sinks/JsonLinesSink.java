package dev.vigil.sinks;

import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Writes records as JSON Lines, one record per line, to a local file or to standard output.
 *
 * <p><b>Delivery.</b> File output is exactly-once across restarts: every checkpoint records how
 * long the file was, and a writer restored from that checkpoint cuts the file back to that length
 * before appending, so lines written after the last checkpoint are replaced rather than
 * duplicated. Between a failure and the restore a reader of the file may see lines that are later
 * cut. A fresh (not restored) job starts the file empty. Standard output is at-least-once.
 *
 * <p>With parallelism 1 the file is written exactly at the configured path; with more writers each
 * subtask writes {@code <name>-<subtask>.<ext>} beside it.
 */
public final class JsonLinesSink<T> implements WriterContextSink<T>, SupportsWriterState<T, FileOffset> {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final JsonLineEncoder<T> encoder;

    private JsonLinesSink(String path, JsonLineEncoder<T> encoder) {
        this.path = path;
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    /** A sink writing to {@code file} (created with its parent directories when missing). */
    public static <T> JsonLinesSink<T> toFile(Path file, JsonLineEncoder<T> encoder) {
        return new JsonLinesSink<>(file.toAbsolutePath().toString(), encoder);
    }

    /** A sink printing each line to standard output. */
    public static <T> JsonLinesSink<T> toStdout(JsonLineEncoder<T> encoder) {
        return new JsonLinesSink<>(null, encoder);
    }

    @Override
    public StatefulSinkWriter<T, FileOffset> createWriter(WriterInitContext context) throws IOException {
        return open(context, List.of());
    }

    @Override
    public StatefulSinkWriter<T, FileOffset> restoreWriter(
            WriterInitContext context, Collection<FileOffset> recoveredState) throws IOException {
        return open(context, recoveredState);
    }

    @Override
    public SimpleVersionedSerializer<FileOffset> getWriterStateSerializer() {
        return new FileOffset.Serializer();
    }

    private StatefulSinkWriter<T, FileOffset> open(
            org.apache.flink.api.connector.sink2.InitContext context, Collection<FileOffset> restored)
            throws IOException {
        if (path == null) {
            return new JsonLinesWriter<>(null, encoder, List.of());
        }
        int subtasks = context.getTaskInfo().getNumberOfParallelSubtasks();
        int subtask = context.getTaskInfo().getIndexOfThisSubtask();
        return new JsonLinesWriter<>(fileOf(Path.of(path), subtask, subtasks), encoder, restored);
    }

    static Path fileOf(Path file, int subtask, int subtasks) {
        if (subtasks == 1) {
            return file;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        return file.resolveSibling(stem + "-" + subtask + ext);
    }
}

package dev.vigil;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vigil runs on Flink 1.20 but uses nothing that Flink 2.0 deleted, so that an upgrade is a version
 * bump: this check fails the build when such an API comes back. Two bridges for methods that 1.20 still
 * declares abstract are the only exceptions, each in the one class that answers it for all.
 */
class FlinkTwoReadinessTest {

    /** What Flink 2.0 removed, and what to use instead. */
    private static final Map<Pattern, String> REMOVED = Map.ofEntries(
            Map.entry(Pattern.compile("\\.disableGenericTypes\\("), "pipeline.generic-types: false (GenericTypes)"),
            Map.entry(Pattern.compile("\\bvoid open\\(\\s*Configuration\\b"), "open(OpenContext)"),
            Map.entry(Pattern.compile("createSerializer\\(\\s*ExecutionConfig\\b"), "createSerializer(SerializerConfig)"),
            Map.entry(Pattern.compile("createWriter\\(\\s*(Sink\\.)?InitContext\\b"), "createWriter(WriterInitContext)"),
            Map.entry(Pattern.compile("\\bStatefulSink\\b"), "SupportsWriterState"),
            Map.entry(Pattern.compile("\\bTwoPhaseCommittingSink\\b"), "SupportsCommitter"),
            Map.entry(Pattern.compile("\\b(Rich)?(Parallel)?SourceFunction\\b"), "a FLIP-27 Source"),
            Map.entry(Pattern.compile("\\b(Rich)?SinkFunction\\b|\\.addSink\\("), "a Sink V2 and sinkTo"),
            Map.entry(Pattern.compile("\\.addSource\\("), "fromSource"),
            Map.entry(Pattern.compile("org\\.apache\\.flink\\.streaming\\.api\\.CheckpointingMode"),
                    "org.apache.flink.core.execution.CheckpointingMode"),
            Map.entry(Pattern.compile("\\.setCheckpointStorage\\(|\\.setStateBackend\\("), "the configuration options"),
            Map.entry(Pattern.compile("getRuntimeContext\\(\\)\\s*\\.(getIndexOfThisSubtask|getNumberOfParallelSubtasks"
                    + "|getAttemptNumber|getExecutionConfig)\\("), "getRuntimeContext().getTaskInfo()"),
            Map.entry(Pattern.compile("org\\.apache\\.flink\\.api\\.common\\.time\\.Time\\b"
                    + "|org\\.apache\\.flink\\.streaming\\.api\\.windowing\\.time\\.Time\\b"), "java.time.Duration"),
            Map.entry(Pattern.compile("\\bRestartStrategies\\b"), "RestartStrategyOptions"),
            Map.entry(Pattern.compile("\\bTypeSerializerConfigSnapshot\\b|\\bListCheckpointed\\b|\\bTimeCharacteristic\\b"),
                    "their Flink 1.x replacements"));

    /** The bridges, one per method: file name and the pattern it may hold. */
    private static final Map<String, String> BRIDGES = Map.of(
            "RecordTypeInfo.java", "createSerializer(SerializerConfig)",
            "WriterContextSink.java", "createWriter(WriterInitContext)");

    private static final List<String> SOURCE_ROOTS = List.of("job", "operators", "sources", "sinks", "models", "src/test/java");

    @Test
    void nothingFlinkTwoRemovedIsUsed() {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            String name = file.getFileName().toString();
            if (name.equals(FlinkTwoReadinessTest.class.getSimpleName() + ".java")) {
                continue;
            }
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                for (Map.Entry<Pattern, String> removed : REMOVED.entrySet()) {
                    if (removed.getKey().matcher(lines.get(i)).find() && !removed.getValue().equals(BRIDGES.get(name))) {
                        found.add(file + ":" + (i + 1) + ": " + lines.get(i).trim() + "  -> use " + removed.getValue());
                    }
                }
            }
        }
        assertThat(found).as("APIs Flink 2.0 removed").isEmpty();
    }

    @Test
    void theCheckRecognisesWhatItForbids() {
        assertThat(REMOVED.keySet()).anySatisfy(p -> assertThat(p.matcher("env.getConfig().disableGenericTypes();").find()).isTrue());
        assertThat(REMOVED.keySet()).anySatisfy(p -> assertThat(p.matcher("public void open(Configuration parameters) {").find()).isTrue());
        assertThat(REMOVED.keySet()).anySatisfy(p -> assertThat(p.matcher("createWriter(InitContext context)").find()).isTrue());
        assertThat(javaFiles()).as("the sources are found from the working directory").hasSizeGreaterThan(100);
    }

    private static List<Path> javaFiles() {
        List<Path> files = new ArrayList<>();
        for (String root : SOURCE_ROOTS) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

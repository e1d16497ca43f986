package dev.vigil.job.cli.bench;

import dev.vigil.job.ExitCodes;
import dev.vigil.job.elasticsearch.ElasticsearchCommand;
import dev.vigil.job.config.ConfigException;
import dev.vigil.models.Detection;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.sinks.elasticsearch.ElasticsearchIndexSink;
import dev.vigil.sinks.elasticsearch.ElasticsearchSettings;
import dev.vigil.sinks.elasticsearch.IndexFamily;
import dev.vigil.sinks.elasticsearch.VigilDocuments;
import dev.vigil.sources.serialization.GenericTypes;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code vigil bench-elasticsearch}: indexes synthetic detection documents (one per frame, with a
 * fixed number of boxes each) through the job's Elasticsearch sink and prints documents per second
 * as JSON. Only the sink and Elasticsearch are measured: no video, no model. The documents go to
 * {@code <prefix>-bench-detections-*}, which the command deletes neither before nor after; a rerun
 * overwrites them (same ids).
 */
@Command(name = "bench-elasticsearch", mixinStandardHelpOptions = true,
        description = "Measures documents per second through the Elasticsearch sink (synthetic detections).")
public final class ElasticsearchBenchCommand extends ElasticsearchCommand implements Callable<Integer> {

    @Option(names = "--documents", defaultValue = "100000", description = "Documents to index. Default: ${DEFAULT-VALUE}")
    long documents;

    @Option(names = "--boxes", defaultValue = "10", description = "Detections per document. Default: ${DEFAULT-VALUE}")
    int boxes;

    @Override
    public Integer call() throws Exception {
        ElasticsearchSettings es;
        try {
            es = elasticsearchSettings();
        } catch (ConfigException e) {
            System.err.println("Cannot start: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        String prefix = es.indexPrefix() + "-bench";
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        GenericTypes.forbid(env);
        env.fromSequence(0, documents - 1)
                .map(new SyntheticFrame(boxes))
                .sinkTo(ElasticsearchIndexSink.of(es, IndexFamily.DETECTIONS, VigilDocuments.detections(prefix)))
                .name("elasticsearch");
        long start = System.nanoTime();
        env.execute("bench-elasticsearch");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("{\"documents\": %d, \"boxes_per_document\": %d, \"seconds\": %.2f, "
                        + "\"documents_per_second\": %.0f, \"bulk_max_actions\": %d, \"index_pattern\": \"%s\"}%n",
                documents, boxes, seconds, documents / seconds, es.bulkMaxActions(),
                IndexFamily.DETECTIONS.indexPattern(prefix));
        return 0;
    }

    /** Frame {@code i} of one synthetic camera at 25 fps, with {@code boxes} detections. */
    private static final class SyntheticFrame implements MapFunction<Long, FrameDetections> {
        private final int boxes;

        SyntheticFrame(int boxes) {
            this.boxes = boxes;
        }

        @Override
        public FrameDetections map(Long i) {
            List<Detection> detections = new ArrayList<>(boxes);
            for (int b = 0; b < boxes; b++) {
                float x = (i + b * 37) % 600;
                detections.add(new Detection(b % 3, b % 3 == 0 ? "person" : "car", 0.5f + b % 5 / 10f, x, 20, x + 40,
                        90));
            }
            long now = System.currentTimeMillis();
            return new FrameDetections("bench", i, i * 40, 640, 360, "synthetic", detections,
                    new FrameDetections.Timing(now, now, 1, 0, 0, 0));
        }
    }
}

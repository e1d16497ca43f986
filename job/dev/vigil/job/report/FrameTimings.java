package dev.vigil.job.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * How long frames took, from the timing each detection record carries: the frame-to-result latency
 * (ingest to detection, queueing included) and the model's own time (pre-processing, inference,
 * post-processing). Keeps the slowest frames for a table and, per camera, the latency along the stream
 * at a bounded resolution: past {@link #MAX_POINTS} points, neighbouring frames are merged, keeping
 * the slowest of each pair, so a long run still draws its spikes.
 */
final class FrameTimings {

    static final int SLOWEST = 10;
    static final int MAX_POINTS = 400;

    /** One frame's timing. */
    record Timing(String camera, long sequence, long timestampMillis, long latencyMillis, long preprocessMicros,
            long inferenceMicros, long postprocessMicros, int batchSize) {
        long modelMicros() {
            return preprocessMicros + inferenceMicros + postprocessMicros;
        }
    }

    private final PriorityQueue<Timing> slowest = new PriorityQueue<>(Comparator.comparingLong(Timing::latencyMillis));
    private final Map<String, List<Timing>> alongStream = new TreeMap<>();
    private final Map<String, Integer> merged = new TreeMap<>();
    private long[] latencies = new long[1024];
    private int frames;
    private long modelMicros;

    void accept(JsonNode record) {
        JsonNode timing = record.path("timing");
        if (!timing.has("ingest_time_ms") || !timing.has("detected_at_ms")) {
            return;
        }
        Timing t = new Timing(record.path("camera_id").asText(), record.path("sequence").asLong(),
                record.path("timestamp_ms").asLong(),
                Math.max(0, timing.path("detected_at_ms").asLong() - timing.path("ingest_time_ms").asLong()),
                timing.path("preprocess_us").asLong(), timing.path("inference_us").asLong(),
                timing.path("postprocess_us").asLong(), timing.path("batch_size").asInt(1));
        slowest.add(t);
        if (slowest.size() > SLOWEST) {
            slowest.poll();
        }
        if (frames == latencies.length) {
            latencies = Arrays.copyOf(latencies, frames * 2);
        }
        latencies[frames++] = t.latencyMillis();
        modelMicros += t.modelMicros();
        List<Timing> points = alongStream.computeIfAbsent(t.camera(), c -> new ArrayList<>());
        points.add(t);
        if (points.size() > 2 * MAX_POINTS) {
            List<Timing> halved = new ArrayList<>(MAX_POINTS + 1);
            for (int i = 0; i < points.size(); i += 2) {
                Timing a = points.get(i);
                halved.add(i + 1 < points.size() && points.get(i + 1).latencyMillis() > a.latencyMillis()
                        ? points.get(i + 1) : a);
            }
            alongStream.put(t.camera(), halved);
            merged.merge(t.camera(), 2, (a, b) -> a * b);
        }
    }

    int frames() {
        return frames;
    }

    /** The latency below which {@code fraction} of the frames came. */
    long latencyPercentile(double fraction) {
        long[] sorted = Arrays.copyOf(latencies, frames);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(frames - 1, Math.max(0, Math.ceil(fraction * frames) - 1))];
    }

    double meanModelMillis() {
        return frames == 0 ? 0 : modelMicros / 1000.0 / frames;
    }

    /** The slowest frames, slowest first. */
    List<Timing> slowest() {
        List<Timing> list = new ArrayList<>(slowest);
        list.sort(Comparator.comparingLong(Timing::latencyMillis).reversed());
        return list;
    }

    /** Frames merged into one point of {@code camera}'s line (1: every frame is a point). */
    int framesPerPoint(String camera) {
        return merged.getOrDefault(camera, 1);
    }

    java.util.Set<String> cameras() {
        return alongStream.keySet();
    }

    /** Latency and model time along the stream, per camera, by frame sequence. */
    String chart() {
        List<Series> series = new ArrayList<>();
        long lastSequence = 1;
        long firstSequence = Long.MAX_VALUE;
        long highest = 1;
        int index = 0;
        for (Map.Entry<String, List<Timing>> camera : alongStream.entrySet()) {
            String color = Palette.series(index++);
            List<Series.Point> latency = new ArrayList<>();
            List<Series.Point> model = new ArrayList<>();
            for (Timing t : camera.getValue()) {
                String where = camera.getKey() + " frame " + t.sequence() + " (" + TimeLabels.format(t.timestampMillis())
                        + "): ";
                latency.add(new Series.Point(t.sequence(), t.latencyMillis(), where + t.latencyMillis()
                        + " ms to its result"));
                model.add(new Series.Point(t.sequence(), t.modelMicros() / 1000.0, where
                        + Markup.num(t.modelMicros() / 1000.0) + " ms in the model"));
                highest = Math.max(highest, t.latencyMillis());
                lastSequence = Math.max(lastSequence, t.sequence());
                firstSequence = Math.min(firstSequence, t.sequence());
            }
            series.add(new Series(camera.getKey() + ": latency", color, latency, false));
            series.add(new Series(camera.getKey() + ": model", color, model, true));
        }
        return LineChart.svg("frame-timing", Axis.values(Math.min(firstSequence, lastSequence), lastSequence, true),
                Axis.values(0, highest, false), "frame (sequence)", "ms", series);
    }
}

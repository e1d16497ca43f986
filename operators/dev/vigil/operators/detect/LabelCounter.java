package dev.vigil.operators.detect;

import org.apache.flink.api.common.accumulators.Accumulator;

import java.util.TreeMap;

/** Accumulator counting detections per class label, for the end-of-job summary. */
public final class LabelCounter implements Accumulator<String, TreeMap<String, Long>> {

    private static final long serialVersionUID = 1L;

    private TreeMap<String, Long> counts = new TreeMap<>();

    @Override
    public void add(String label) {
        counts.merge(label, 1L, Long::sum);
    }

    @Override
    public TreeMap<String, Long> getLocalValue() {
        return counts;
    }

    @Override
    public void resetLocal() {
        counts = new TreeMap<>();
    }

    @Override
    public void merge(Accumulator<String, TreeMap<String, Long>> other) {
        other.getLocalValue().forEach((label, n) -> counts.merge(label, n, Long::sum));
    }

    @Override
    public LabelCounter clone() {
        LabelCounter copy = new LabelCounter();
        copy.counts = new TreeMap<>(counts);
        return copy;
    }
}

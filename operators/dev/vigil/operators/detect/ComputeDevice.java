package dev.vigil.operators.detect;

import org.apache.flink.api.common.externalresource.ExternalResourceInfo;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a model runs: the CPU, or one GPU of the TaskManager.
 *
 * @param gpuIndex the GPU's index as Flink's GPU external resource reports it, or -1 for the CPU
 */
public record ComputeDevice(int gpuIndex) implements Serializable {

    public static final ComputeDevice CPU = new ComputeDevice(-1);

    /** Name of Flink's GPU external resource ({@code external-resources: gpu}). */
    public static final String GPU_RESOURCE = "gpu";

    public static ComputeDevice gpu(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("GPU index must be >= 0, was " + index);
        }
        return new ComputeDevice(index);
    }

    public boolean isGpu() {
        return gpuIndex >= 0;
    }

    /**
     * The device for subtask {@code subtaskIndex}, given the GPUs Flink assigned to its
     * TaskManager: subtasks spread over the GPUs round-robin; no GPUs means the CPU. Flink does not
     * isolate GPUs between operators of one TaskManager, so the job shares them itself.
     */
    public static ComputeDevice assign(Set<ExternalResourceInfo> gpus, int subtaskIndex) {
        List<Integer> indexes = new ArrayList<>();
        for (ExternalResourceInfo gpu : gpus) {
            gpu.getProperty("index").ifPresent(i -> indexes.add(Integer.parseInt(i.trim())));
        }
        if (indexes.isEmpty()) {
            return CPU;
        }
        indexes.sort(Integer::compare);
        return gpu(indexes.get(Math.floorMod(subtaskIndex, indexes.size())));
    }

    @Override
    public String toString() {
        return isGpu() ? "gpu:" + gpuIndex : "cpu";
    }
}

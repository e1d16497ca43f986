package dev.vigil.operators.detect;

import org.apache.flink.api.common.externalresource.ExternalResourceInfo;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ComputeDeviceTest {

    private static ExternalResourceInfo gpu(String index) {
        return new ExternalResourceInfo() {
            @Override
            public Optional<String> getProperty(String key) {
                return key.equals("index") ? Optional.of(index) : Optional.empty();
            }

            @Override
            public Collection<String> getKeys() {
                return List.of("index");
            }
        };
    }

    @Test
    void noGpusMeansTheCpu() {
        assertThat(ComputeDevice.assign(Set.of(), 3)).isEqualTo(ComputeDevice.CPU);
        assertThat(ComputeDevice.CPU.isGpu()).isFalse();
        assertThat(ComputeDevice.CPU).hasToString("cpu");
    }

    @Test
    void subtasksSpreadOverTheTaskManagersGpusRoundRobin() {
        Set<ExternalResourceInfo> gpus = new LinkedHashSet<>(List.of(gpu("3"), gpu("1")));

        assertThat(ComputeDevice.assign(gpus, 0)).isEqualTo(ComputeDevice.gpu(1));
        assertThat(ComputeDevice.assign(gpus, 1)).isEqualTo(ComputeDevice.gpu(3));
        assertThat(ComputeDevice.assign(gpus, 2)).isEqualTo(ComputeDevice.gpu(1));
        assertThat(ComputeDevice.gpu(3)).hasToString("gpu:3");
    }
}

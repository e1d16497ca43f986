package dev.vigil.sources;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.View;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class CameraMetricGroupTest {

    /** Keeps what is registered, by {@code <key>=<value>/<name>}. */
    private static final class Recording extends UnregisteredMetricsGroup {
        final Map<String, Metric> metrics;
        final String prefix;

        Recording(Map<String, Metric> metrics, String prefix) {
            this.metrics = metrics;
            this.prefix = prefix;
        }

        @Override
        public MetricGroup addGroup(String key, String value) {
            return new Recording(metrics, prefix + key + "=" + value + "/");
        }

        @Override
        public <C extends Counter> C counter(String name, C counter) {
            metrics.put(prefix + name, counter);
            return counter;
        }

        @Override
        public <M extends Meter> M meter(String name, M meter) {
            metrics.put(prefix + name, meter);
            return meter;
        }
    }

    @Test
    void aCameraCounterComesWithTheMeterOfItsRateInTheCamerasGroup() {
        Map<String, Metric> registered = new TreeMap<>();
        MetricGroup camera = CameraMetricGroup.of(new Recording(registered, ""), "front-door");
        Counter decoded = CameraMetricGroup.countedPerSecond(camera, "framesDecoded", new SimpleCounter());

        assertThat(registered).containsOnlyKeys("camera=front-door/framesDecoded", "camera=front-door/framesDecodedPerSecond");
        decoded.inc(50);
        Meter rate = (Meter) registered.get("camera=front-door/framesDecodedPerSecond");
        // Flink's registry updates every view each 5 s; a meter averages over 60 s by default.
        for (int i = 0; i < 12; i++) {
            ((View) rate).update();
        }
        assertThat(rate.getCount()).isEqualTo(50);
        assertThat(rate.getRate()).isGreaterThan(0.0);
        assertThat(registered.get("camera=front-door/framesDecoded")).isSameAs(decoded);
    }
}

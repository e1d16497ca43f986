package dev.vigil.operators.analytics;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vigil.operators.analytics.Scenes.frame;
import static dev.vigil.operators.analytics.Scenes.person;
import static org.assertj.core.api.Assertions.assertThat;

class CameraAnalyticsStateSerializerTest extends SerializerTestBase<CameraAnalyticsState> {

    @Override
    protected TypeSerializer<CameraAnalyticsState> createSerializer() {
        return new CameraAnalyticsStateSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<CameraAnalyticsState> getTypeClass() {
        return CameraAnalyticsState.class;
    }

    @Override
    protected CameraAnalyticsState[] getTestData() {
        CameraAnalyticsState busy = new CameraAnalyticsState();
        CameraSettings settings = new CameraSettings(List.of(Scenes.gateLine()), List.of(Scenes.lobby()));
        for (long seq = 0; seq < 6; seq++) {
            CameraAnalytics.process(settings, 30, busy,
                    frame("cam", seq, person(1, 200, 150 + 30 * seq), person(7, 250.5, 310 - seq)), e -> {});
        }
        assertThat(busy.tracks.get(1L).zones).isNotEmpty();
        assertThat(busy.tracks.get(7L).lines).isNotEmpty();
        busy.tracks.get(1L).label = "bicyclé";
        return new CameraAnalyticsState[] {new CameraAnalyticsState(), busy};
    }

    @Test
    void sameFormatIsCompatibleAsIs() {
        var snapshot = new CameraAnalyticsStateSerializer().snapshotConfiguration();
        assertThat(snapshot.resolveSchemaCompatibility(new CameraAnalyticsStateSerializer().snapshotConfiguration()))
                .matches(TypeSerializerSchemaCompatibility::isCompatibleAsIs);
    }
}

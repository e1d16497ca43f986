package dev.vigil.operators.analytics;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Round trips of the analytics records' serializers, and their type information. */
class RecordSerializersTest {

    static final ZoneOccupancy OCCUPANCY = new ZoneOccupancy("gate", 4, 400, "lobby", Map.of("person", 2, "car", 1));

    @Test
    void recordsUseTheirHandWrittenSerializers() {
        assertThat(TypeInformation.of(AnalyticsEvent.class).createSerializer(new org.apache.flink.api.common.serialization.SerializerConfigImpl()))
                .isSameAs(AnalyticsEventSerializer.INSTANCE);
        assertThat(TypeInformation.of(AnalyticsConfigUpdate.class).getClass().getSimpleName()).isEqualTo("RecordTypeInfo");
        assertThat(TypeInformation.of(ZoneOccupancy.class).getClass().getSimpleName()).isEqualTo("RecordTypeInfo");
        assertThat(TypeInformation.of(FrameSummary.class).getClass().getSimpleName()).isEqualTo("RecordTypeInfo");
        assertThat(TypeInformation.of(CountsRecord.class).getClass().getSimpleName()).isEqualTo("RecordTypeInfo");
    }

    @Nested
    class Events extends SerializerTestBase<AnalyticsEvent> {
        @Override
        protected TypeSerializer<AnalyticsEvent> createSerializer() {
            return AnalyticsEventSerializer.INSTANCE;
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        protected Class<AnalyticsEvent> getTypeClass() {
            return AnalyticsEvent.class;
        }

        @Override
        protected AnalyticsEvent[] getTestData() {
            return new AnalyticsEvent[] {
                AnalyticsEvent.track(AnalyticsEvent.Type.LINE_CROSSED, "gate", 3, "person", "door", "in", 9, 900, -1, null),
                AnalyticsEvent.track(AnalyticsEvent.Type.ZONE_EXITED, "gate", 3, "car", "lot", null, 9, 900, 1234,
                        "track ended"),
                AnalyticsEvent.config(AnalyticsEvent.Type.CONFIG_REJECTED, "c.yaml", "x: 1", 5, "a".repeat(70_000)),
                AnalyticsEvent.track(AnalyticsEvent.Type.LOITERING, "gate", 4, "person", "lot", null, 12, 1200, 10_000,
                        null).withSnapshot("gate/gate_loitering_lot_4_12.jpg"),
            };
        }
    }

    @Nested
    class Updates extends SerializerTestBase<AnalyticsConfigUpdate> {
        @Override
        protected TypeSerializer<AnalyticsConfigUpdate> createSerializer() {
            return AnalyticsConfigUpdateSerializer.INSTANCE;
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        protected Class<AnalyticsConfigUpdate> getTypeClass() {
            return AnalyticsConfigUpdate.class;
        }

        @Override
        protected AnalyticsConfigUpdate[] getTestData() {
            return new AnalyticsConfigUpdate[] {new AnalyticsConfigUpdate("", ""),
                new AnalyticsConfigUpdate("/etc/vigil/analytics.yaml", "cameras: {}\n# ü\n")};
        }
    }

    @Nested
    class Occupancy extends SerializerTestBase<ZoneOccupancy> {
        @Override
        protected TypeSerializer<ZoneOccupancy> createSerializer() {
            return ZoneOccupancySerializer.INSTANCE;
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        protected Class<ZoneOccupancy> getTypeClass() {
            return ZoneOccupancy.class;
        }

        @Override
        protected ZoneOccupancy[] getTestData() {
            return new ZoneOccupancy[] {OCCUPANCY, new ZoneOccupancy("gate", 5, 500, "lobby", Map.of())};
        }
    }

    @Nested
    class Summaries extends SerializerTestBase<FrameSummary> {
        @Override
        protected TypeSerializer<FrameSummary> createSerializer() {
            return FrameSummarySerializer.INSTANCE;
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        protected Class<FrameSummary> getTypeClass() {
            return FrameSummary.class;
        }

        @Override
        protected FrameSummary[] getTestData() {
            return new FrameSummary[] {
                new FrameSummary("gate", 0, 0, Map.of(), List.of(), List.of()),
                new FrameSummary("gate", 4, 400, Map.of(1L, "person", 9L, "car"),
                        List.of(new FrameSummary.Crossing("door", "person", true)), List.of(OCCUPANCY)),
            };
        }
    }

    @Nested
    class Counts extends SerializerTestBase<CountsRecord> {
        @Override
        protected TypeSerializer<CountsRecord> createSerializer() {
            return CountsRecordSerializer.INSTANCE;
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        protected Class<CountsRecord> getTypeClass() {
            return CountsRecord.class;
        }

        @Override
        protected CountsRecord[] getTestData() {
            return new CountsRecord[] {
                new CountsRecord("gate", 0, 60_000, "person", 0, 0, List.of(), List.of()),
                new CountsRecord("gate", 60_000, 120_000, "car", 3, 1500,
                        List.of(new CountsRecord.LineCount("door", 2, 1)),
                        List.of(new CountsRecord.ZoneStat("lot", 2, 0.75))),
            };
        }
    }
}

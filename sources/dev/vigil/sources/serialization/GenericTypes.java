package dev.vigil.sources.serialization;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Every Vigil record declares its serializer ({@link RecordTypeInfoFactory}); a type that Flink would
 * hand to Kryo instead is a bug, so Vigil's jobs refuse generic types and such a type fails the job at
 * submission rather than slowing it down.
 */
public final class GenericTypes {

    private GenericTypes() {}

    /** Makes {@code env} refuse types without a declared serializer ({@code pipeline.generic-types: false}). */
    public static void forbid(StreamExecutionEnvironment env) {
        Configuration strict = new Configuration();
        strict.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(strict);
    }
}

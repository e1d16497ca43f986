package dev.vigil.sinks;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.IOException;

/**
 * A {@link Sink} whose writers are made with the {@link WriterInitContext} API alone, the one Flink 2
 * keeps. Flink 1.20 still declares the older {@code createWriter(Sink.InitContext)} abstract and never
 * calls it; this interface answers it once, for every Vigil sink, so that moving to Flink 2 means
 * deleting that one method here.
 */
public interface WriterContextSink<T> extends Sink<T> {

    @Override
    SinkWriter<T> createWriter(WriterInitContext context) throws IOException;

    /** Flink 1.20 bridge: the runtime calls {@link #createWriter(WriterInitContext)}; Flink 2 removed this. */
    @Override
    @Deprecated
    default SinkWriter<T> createWriter(InitContext context) {
        throw new UnsupportedOperationException(
                "Vigil's sinks make their writers with createWriter(WriterInitContext), as Flink 1.20 and 2 do");
    }
}

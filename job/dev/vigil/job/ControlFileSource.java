package dev.vigil.job;

import dev.vigil.operators.analytics.AnalyticsConfigUpdate;
import dev.vigil.operators.analytics.ControlFilePoller;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

import java.nio.file.Path;

/**
 * The live control stream: the control file, read once a second, becomes an update whenever its
 * content changed. Built on Flink's generator source (FLIP-27), so it runs until the job is stopped.
 * After a restore the file is read again and its current content re-sent once; the analytics
 * operator accepts it again under the same event id, so sinks see a duplicate they can drop.
 */
final class ControlFileSource {

    /** Marks a poll that found nothing new; filtered out right after the source. */
    static final String NO_CHANGE = "";

    private ControlFileSource() {}

    static DataGeneratorSource<AnalyticsConfigUpdate> of(Path file) {
        ControlFilePoller poller = new ControlFilePoller(file.toAbsolutePath());
        GeneratorFunction<Long, AnalyticsConfigUpdate> poll =
                tick -> poller.poll().orElse(new AnalyticsConfigUpdate(NO_CHANGE, NO_CHANGE));
        return new DataGeneratorSource<>(poll, Long.MAX_VALUE, RateLimiterStrategy.perSecond(1),
                TypeInformation.of(AnalyticsConfigUpdate.class));
    }

    /**
     * No control file: one "no change" marker, filtered out like any other, and the source ends.
     * (Flink 1.20's generator and collection sources fail when asked for zero elements.)
     */
    static DataGeneratorSource<AnalyticsConfigUpdate> none() {
        GeneratorFunction<Long, AnalyticsConfigUpdate> nothing = tick -> new AnalyticsConfigUpdate(NO_CHANGE, NO_CHANGE);
        return new DataGeneratorSource<>(nothing, 1, TypeInformation.of(AnalyticsConfigUpdate.class));
    }

    static boolean isChange(AnalyticsConfigUpdate update) {
        return !NO_CHANGE.equals(update.source());
    }
}

package dev.vigil.job.elasticsearch;

import dev.vigil.job.config.ElasticsearchOptions;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.job.config.VigilOptions;
import dev.vigil.job.output.OutputDestination;
import dev.vigil.job.output.ResultStreams;
import dev.vigil.sinks.elasticsearch.ElasticsearchIndexSink;
import dev.vigil.sinks.elasticsearch.ElasticsearchSettings;
import dev.vigil.sinks.elasticsearch.IndexFamily;
import dev.vigil.sinks.elasticsearch.VigilDocuments;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Indexes the job's result streams into Elasticsearch or OpenSearch ({@code elasticsearch.*} keys): detections,
 * tracks, analytics events and windowed counts, each into its own index family (see
 * {@link ElasticsearchIndexSink} for the delivery guarantee). Sinks run under the operator uids
 * {@code elasticsearch-<family>}.
 */
public final class ElasticsearchOutputs implements OutputDestination {

    private final ElasticsearchSettings settings;
    private final Set<IndexFamily> streams;

    public ElasticsearchOutputs(ElasticsearchSettings settings, Set<IndexFamily> streams) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.streams = Set.copyOf(streams);
    }

    /**
     * The output the config asks for, or empty when {@code elasticsearch.hosts} is not set; problems
     * are noted with their keys (and never with a secret's value).
     */
    public static Optional<ElasticsearchOutputs> fromConfig(VigilConfig config, List<String> problems) {
        if (!config.isSet(ElasticsearchOptions.HOSTS)) {
            return Optional.empty();
        }
        boolean tracking = config.get(VigilOptions.TRACKING_ENABLED);
        boolean analytics = config.analyticsConfigured();
        Set<IndexFamily> streams = EnumSet.of(IndexFamily.DETECTIONS);
        if (tracking) {
            streams.add(IndexFamily.TRACKS);
        }
        if (analytics) {
            streams.add(IndexFamily.EVENTS);
            streams.add(IndexFamily.AGGREGATES);
        }
        if (config.isSet(ElasticsearchOptions.STREAMS)) {
            Set<IndexFamily> wanted = EnumSet.noneOf(IndexFamily.class);
            for (String name : config.get(ElasticsearchOptions.STREAMS)) {
                IndexFamily family = stream(name);
                if (family == null) {
                    problems.add(ElasticsearchOptions.STREAMS.key() + ": unknown stream '" + name
                            + "'; expected detections, tracks, events or aggregates");
                } else if (!streams.contains(family)) {
                    problems.add(ElasticsearchOptions.STREAMS.key() + ": the job has no " + family.id() + " stream ("
                            + (family == IndexFamily.TRACKS ? "set tracking.enabled: true" : "configure analytics")
                            + ")");
                } else {
                    wanted.add(family);
                }
            }
            streams = wanted;
        }
        if (config.get(ElasticsearchOptions.BULK_BACKOFF_INITIAL)
                .compareTo(config.get(ElasticsearchOptions.BULK_BACKOFF_MAX)) > 0) {
            problems.add(ElasticsearchOptions.BULK_BACKOFF_INITIAL.key() + ": "
                    + config.get(ElasticsearchOptions.BULK_BACKOFF_INITIAL).toMillis() + " ms is above "
                    + ElasticsearchOptions.BULK_BACKOFF_MAX.key() + " ("
                    + config.get(ElasticsearchOptions.BULK_BACKOFF_MAX).toMillis() + " ms); the wait doubles up to it");
            return Optional.empty();
        }
        if (config.isSet(ElasticsearchOptions.TRUSTSTORE_PATH)) {
            config.path(ElasticsearchOptions.TRUSTSTORE_PATH, problems);
        }
        if (config.isSet(ElasticsearchOptions.CA_CERTIFICATE_PATH)) {
            config.path(ElasticsearchOptions.CA_CERTIFICATE_PATH, problems);
        }
        ElasticsearchSettings settings = null;
        try {
            settings = settings(config);
        } catch (IllegalArgumentException e) {
            problems.add("elasticsearch: " + e.getMessage());
        }
        return settings == null ? Optional.empty() : Optional.of(new ElasticsearchOutputs(settings, streams));
    }

    /** The connection, index and bulk settings the {@code elasticsearch.*} keys give. */
    public static ElasticsearchSettings settings(VigilConfig config) {
        ElasticsearchSettings.Builder builder = ElasticsearchSettings.builder()
                .hosts(config.get(ElasticsearchOptions.HOSTS))
                .indexPrefix(config.get(ElasticsearchOptions.INDEX_PREFIX))
                .shards(config.get(ElasticsearchOptions.SHARDS).intValue())
                .replicas(config.get(ElasticsearchOptions.REPLICAS).intValue())
                .installTemplates(config.get(ElasticsearchOptions.INSTALL_TEMPLATES))
                .bulkMaxActions(config.get(ElasticsearchOptions.BULK_MAX_ACTIONS).intValue())
                .bulkMaxBytes(config.get(ElasticsearchOptions.BULK_MAX_BYTES))
                .flushInterval(config.get(ElasticsearchOptions.BULK_FLUSH_INTERVAL))
                .backoff(config.get(ElasticsearchOptions.BULK_BACKOFF_INITIAL),
                        config.get(ElasticsearchOptions.BULK_BACKOFF_MAX))
                .deadLetterMaxChars(config.get(ElasticsearchOptions.DEADLETTER_MAX_CHARS).intValue())
                .verifyHostname(config.get(ElasticsearchOptions.VERIFY_HOSTNAME));
        if (config.isSet(ElasticsearchOptions.USERNAME) || config.isSet(ElasticsearchOptions.PASSWORD)) {
            builder.basicAuth(config.get(ElasticsearchOptions.USERNAME), config.get(ElasticsearchOptions.PASSWORD));
        }
        if (config.isSet(ElasticsearchOptions.API_KEY)) {
            builder.apiKey(config.get(ElasticsearchOptions.API_KEY));
        }
        if (config.isSet(ElasticsearchOptions.BEARER_TOKEN)) {
            builder.bearerToken(config.get(ElasticsearchOptions.BEARER_TOKEN));
        }
        if (config.isSet(ElasticsearchOptions.CA_CERTIFICATE_PATH)) {
            builder.caCertificate(config.get(ElasticsearchOptions.CA_CERTIFICATE_PATH));
        }
        if (config.isSet(ElasticsearchOptions.TRUSTSTORE_PATH) || config.isSet(ElasticsearchOptions.TRUSTSTORE_PASSWORD)) {
            builder.trustStore(config.get(ElasticsearchOptions.TRUSTSTORE_PATH),
                    config.get(ElasticsearchOptions.TRUSTSTORE_PASSWORD));
        }
        return builder.build();
    }

    private static IndexFamily stream(String name) {
        try {
            IndexFamily family = IndexFamily.ofId(name);
            return family == IndexFamily.DEADLETTER ? null : family;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    public ElasticsearchSettings settings() {
        return settings;
    }

    public Set<IndexFamily> streams() {
        return streams;
    }

    @Override
    public void attachTo(ResultStreams results) {
        String prefix = settings.indexPrefix();
        if (streams.contains(IndexFamily.DETECTIONS)) {
            results.toResults(uid(IndexFamily.DETECTIONS), ElasticsearchIndexSink.of(settings, IndexFamily.DETECTIONS,
                    VigilDocuments.detections(prefix)));
        }
        if (streams.contains(IndexFamily.TRACKS) && results.hasTracking()) {
            results.toTracks(uid(IndexFamily.TRACKS), ElasticsearchIndexSink.of(settings, IndexFamily.TRACKS,
                    VigilDocuments.tracks(prefix)));
        }
        if (results.hasAnalytics()) {
            if (streams.contains(IndexFamily.EVENTS)) {
                results.toEvents(uid(IndexFamily.EVENTS), ElasticsearchIndexSink.of(settings, IndexFamily.EVENTS,
                        VigilDocuments.events(prefix)));
            }
            if (streams.contains(IndexFamily.AGGREGATES)) {
                results.toCounts(uid(IndexFamily.AGGREGATES), ElasticsearchIndexSink.of(settings,
                        IndexFamily.AGGREGATES, VigilDocuments.aggregates(prefix)));
            }
        }
    }

    private static String uid(IndexFamily family) {
        return "elasticsearch-" + family.id();
    }

    @Override
    public String toString() {
        return "Elasticsearch " + settings + " streams " + streams;
    }
}

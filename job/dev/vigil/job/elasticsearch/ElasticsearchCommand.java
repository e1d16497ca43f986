package dev.vigil.job.elasticsearch;

import dev.vigil.job.config.ConfigException;
import dev.vigil.job.config.ElasticsearchOptions;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.sinks.elasticsearch.ElasticsearchSettings;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the Elasticsearch commands share: the job config they read their {@code elasticsearch.*} keys from. */
public abstract class ElasticsearchCommand {

    @Option(names = {"-c", "--config"}, defaultValue = "conf/elasticsearch.yaml",
            description = "Job config (YAML) with an elasticsearch section. Default: ${DEFAULT-VALUE}")
    protected Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any config key, e.g. --set elasticsearch.replicas=0")
    protected Map<String, String> settings = new LinkedHashMap<>();

    /** The Elasticsearch settings of the config, or a {@link ConfigException} naming what is wrong. */
    protected ElasticsearchSettings elasticsearchSettings() {
        VigilConfig cfg = VigilConfig.load(config, settings);
        if (!cfg.isSet(ElasticsearchOptions.HOSTS)) {
            throw new ConfigException(config.toString(),
                    java.util.List.of(ElasticsearchOptions.HOSTS.key() + ": not set; nothing to connect to"));
        }
        try {
            return ElasticsearchOutputs.settings(cfg);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(config.toString(), java.util.List.of("elasticsearch: " + e.getMessage()));
        }
    }
}

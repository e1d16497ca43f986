package dev.vigil.job.cli;

import dev.vigil.job.elasticsearch.ElasticsearchCommand;
import dev.vigil.job.ExitCodes;
import dev.vigil.job.config.ConfigException;
import dev.vigil.sinks.elasticsearch.ElasticsearchSettings;
import dev.vigil.sinks.elasticsearch.IndexFamily;
import dev.vigil.sinks.elasticsearch.IndexTemplates;
import dev.vigil.sinks.elasticsearch.SearchServer;

import org.elasticsearch.client.RestClient;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

/**
 * {@code vigil setup-elasticsearch}: puts Vigil's index templates into the cluster (Elasticsearch or
 * OpenSearch, which it names first) ahead of the job,
 * for deployments where the job's own credentials may not manage templates
 * ({@code elasticsearch.install-templates: false}). Idempotent: running it again changes nothing.
 */
@Command(name = "setup-elasticsearch", mixinStandardHelpOptions = true,
        description = "Installs the index templates of every Vigil index family (idempotent).")
public final class SetupElasticsearchCommand extends ElasticsearchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        ElasticsearchSettings es;
        try {
            es = elasticsearchSettings();
        } catch (ConfigException e) {
            System.err.println("Cannot set up: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try (RestClient client = es.createClient()) {
            SearchServer server = SearchServer.ask(client, es.socketTimeout());
            Optional<String> unsupported = server.unsupported();
            if (unsupported.isPresent()) {
                System.err.println("Cannot set up: elasticsearch.hosts: " + String.join(", ", es.hosts()) + " is "
                        + server + "; " + unsupported.get());
                return ExitCodes.CONFIG;
            }
            server.caveat().ifPresent(caveat -> System.err.println("Warning: " + caveat));
            System.out.println(server + " at " + String.join(", ", es.hosts()));
            IndexTemplates.install(client, es, EnumSet.allOf(IndexFamily.class));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.JOB_FAILED;
        } catch (IOException | TimeoutException | RuntimeException e) {
            System.err.println("Cannot install the index templates into " + es.hosts() + ": " + e.getMessage());
            return ExitCodes.JOB_FAILED;
        }
        for (IndexFamily family : IndexFamily.values()) {
            System.out.printf("template %-24s for %s%n", IndexTemplates.name(es.indexPrefix(), family),
                    family.indexPattern(es.indexPrefix()));
        }
        return 0;
    }
}

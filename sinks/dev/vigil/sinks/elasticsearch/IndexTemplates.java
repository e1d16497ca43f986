package dev.vigil.sinks.elasticsearch;

import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The index templates of Vigil's index families (composable templates, Elasticsearch 7.8+), read from
 * the {@code <family>.template.json} resources beside this class with the index pattern, shard and
 * replica counts filled in. Installing is a {@code PUT}, so it is idempotent: installing again
 * replaces the template with the same content, and existing indices keep their mappings.
 */
public final class IndexTemplates {

    private IndexTemplates() {}

    /** The template's name in Elasticsearch: {@code <prefix>-<family>}. */
    public static String name(String prefix, IndexFamily family) {
        return prefix + "-" + family.id();
    }

    /** The template body for {@code family} under {@code settings}. */
    public static String body(ElasticsearchSettings settings, IndexFamily family) {
        String resource = family.id() + ".template.json";
        try (InputStream in = IndexTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("index template resource missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${pattern}", family.indexPattern(settings.indexPrefix()))
                    .replace("${shards}", Integer.toString(settings.shards()))
                    .replace("${replicas}", Integer.toString(settings.replicas()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Puts the templates of {@code families} into the cluster.
     *
     * @throws IOException when Elasticsearch cannot be reached or refuses a template (the exception
     *     carries its answer)
     */
    public static void install(RestClient client, ElasticsearchSettings settings, Collection<IndexFamily> families)
            throws IOException {
        for (IndexFamily family : families) {
            Request request = new Request("PUT", "/_index_template/" + name(settings.indexPrefix(), family));
            request.setEntity(new NStringEntity(body(settings, family), ContentType.APPLICATION_JSON));
            client.performRequest(request);
        }
    }
}

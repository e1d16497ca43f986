import org.elasticsearch.Build;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginBundle;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.XContentBuilder;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Main class of the Elasticsearch 8.x / 9.x node process that {@code ElasticsearchNode} starts: one
 * real single-node cluster on 127.0.0.1, built from what Maven Central publishes (the server jars and
 * the transport-netty4 HTTP module; there is no distribution). Not compiled by the build: Java runs
 * this source file in the node's own JVM with the server on the module path, as Elasticsearch's own
 * launcher does. Arguments: home directory, HTTP port, transport port, modules directory (holding
 * {@code transport-netty4/} with its jars; this class writes its plugin descriptor).
 *
 * <p>Every API is the real server's, except {@code GET /}: its handler lives in the {@code rest-root}
 * module, which Maven Central does not have. This class registers the same answer that module gives
 * (name, cluster, version block from the server's own build information, tagline), so that clients
 * can tell what they talk to; the exact bodies real 8.x/9.x servers give are checked separately
 * against recorded responses. X-Pack (security, ILM) is not there either: plain HTTP, no users.
 *
 * <p>Closing (on SIGTERM) keeps the data directory, so that a restart finds the indices again.
 */
public final class ElasticsearchModernNodeMain {

    private ElasticsearchModernNodeMain() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("cluster.name", "vigil-test")
                .put("node.name", "node-1")
                .put("network.host", "127.0.0.1")
                .put("http.port", args[1])
                .put("transport.port", args[2])
                .put("discovery.type", "single-node")
                .put("cluster.routing.allocation.disk.threshold_enabled", "false")
                .build();
        Path modules = Path.of(args[3]);
        writeDescriptor(modules.resolve("transport-netty4"));
        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);
        Environment env = new Environment(settings, home.resolve("config"));
        Node node = new Node(env, PluginsLoader.createPluginsLoader(modules(modules), Set.of(), Map.of()));
        node.start();
        ClusterService cluster = node.injector().getInstance(ClusterService.class);
        node.injector().getInstance(RestController.class).registerHandler(
                new RestHandler.Route(RestRequest.Method.GET, "/"), (request, channel, client) -> {
                    // As the rest-root module's RestMainAction answers.
                    Build build = Build.current();
                    XContentBuilder body = channel.newBuilder();
                    body.startObject()
                            .field("name", settings.get("node.name"))
                            .field("cluster_name", settings.get("cluster.name"))
                            .field("cluster_uuid", cluster.state().metadata().clusterUUID())
                            .startObject("version")
                            .field("number", build.qualifiedVersion())
                            .field("build_flavor", build.flavor())
                            .field("build_type", build.type().displayName())
                            .field("build_hash", build.hash())
                            .field("build_date", build.date())
                            .field("build_snapshot", build.isSnapshot())
                            .field("lucene_version", IndexVersion.current().luceneVersion().toString())
                            .field("minimum_wire_compatibility_version", build.minWireCompatVersion())
                            .field("minimum_index_compatibility_version", build.minIndexCompatVersion())
                            .endObject()
                            .field("tagline", "You Know, for Search")
                            .endObject();
                    channel.sendResponse(new RestResponse(RestStatus.OK, body));
                });
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
            }
        }));
        System.out.println("STARTED");
        closed.await();
    }

    /** The descriptor a distribution ships beside the module's jars (Maven Central's jar has none). */
    private static void writeDescriptor(Path module) throws java.io.IOException {
        String version = Build.current().version();
        java.nio.file.Files.writeString(module.resolve("plugin-descriptor.properties"), String.join("\n",
                "name=transport-netty4",
                "description=Netty 4 based transport implementation",
                "version=" + version,
                "elasticsearch.version=" + version,
                "java.version=" + Runtime.version().feature(),
                "classname=org.elasticsearch.transport.netty4.Netty4Plugin",
                "extended.plugins=",
                "has.native.controller=false", ""));
    }

    /** The modules of {@code dir}; the loader's signature differs between 8.x and 9.x. */
    @SuppressWarnings("unchecked")
    private static Set<PluginBundle> modules(Path dir) throws Exception {
        for (Method m : PluginsLoader.class.getMethods()) {
            if (m.getName().equals("loadModulesBundles")) {
                return (Set<PluginBundle>) (m.getParameterCount() == 1 ? m.invoke(null, dir) : m.invoke(null, dir, false));
            }
        }
        throw new IllegalStateException("no PluginsLoader.loadModulesBundles");
    }
}

import org.codelibs.opensearch.runner.OpenSearchRunner;

import java.util.concurrent.CountDownLatch;

/**
 * Main class of the OpenSearch 2.19.1 node process that {@code ElasticsearchNode} starts for
 * {@code SearchServerKind.OPENSEARCH_2}: one single-node cluster on 127.0.0.1. Not compiled by the
 * build: Java runs this source file in the node's own JVM, on the classpath of
 * {@code opensearch-node.pom.xml} alone. Arguments: base directory, HTTP port, transport port.
 *
 * <p>Closing (on SIGTERM) keeps the data directory, so that a restart finds the indices again.
 */
public final class OpenSearchNodeMain {

    private OpenSearchNodeMain() {}

    public static void main(String[] args) throws Exception {
        String baseDir = args[0];
        String httpPort = args[1];
        String transportPort = args[2];
        OpenSearchRunner runner = new OpenSearchRunner();
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
            }
        }));
        runner.onBuild((index, settings) -> {
            settings.put("network.host", "127.0.0.1")
                    .put("http.port", httpPort)
                    .put("transport.port", transportPort)
                    .put("discovery.type", "single-node")
                    // A test machine's disk may be fuller than OpenSearch likes; it must not go read-only.
                    .put("cluster.routing.allocation.disk.threshold_enabled", "false");
            // A single node elects itself; the runner's multi-node settings would contradict single-node.
            settings.remove("discovery.seed_hosts");
            settings.remove("cluster.initial_cluster_manager_nodes");
            settings.remove("cluster.initial_master_nodes");
        }).build(OpenSearchRunner.newConfigs()
                        .basePath(baseDir)
                        .numOfNode(1)
                        .clusterName("vigil-test")
                        .disableESLogger());
        closed.await();
    }
}

package dev.vigil.job;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Entry point of the job jar. On a Flink cluster (or with Flink on the classpath) it hands straight
 * to {@link VigilCli}. Run on its own with {@code java -jar vigil.jar}, the jar has no Flink inside
 * (the cluster provides it), so this class loads the Flink runtime from the {@code flink-lib}
 * directory the build puts beside the jar, and runs the job there on an embedded mini-cluster.
 *
 * <p>Uses nothing but the JDK, so that it loads without Flink present.
 */
public final class Main {

    private static final String FLINK_PROBE = "org.apache.flink.streaming.api.environment.StreamExecutionEnvironment";
    private static final String CLI = "dev.vigil.job.VigilCli";

    private Main() {}

    public static void main(String[] args) throws Exception {
        // DJL would otherwise contact a metadata service at engine start; Vigil never leaves the host.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (isPresent(FLINK_PROBE, Main.class.getClassLoader())) {
            VigilCli.main(args);
            return;
        }
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path flinkLib = jar.resolveSibling("flink-lib");
        if (!Files.isDirectory(flinkLib)) {
            System.err.println("Flink is not on the classpath and " + flinkLib + " does not exist."
                    + " Build with 'mvn package' (it puts the Flink runtime there), use the ./vigil launcher,"
                    + " or submit the jar to a Flink cluster with 'flink run'.");
            System.exit(VigilCli.EXIT_CONFIG);
        }
        List<URL> urls = new ArrayList<>();
        urls.add(jar.toUri().toURL());
        try (Stream<Path> jars = Files.list(flinkLib)) {
            for (Path p : (Iterable<Path>) jars.filter(f -> f.toString().endsWith(".jar")).sorted()::iterator) {
                urls.add(p.toUri().toURL());
            }
        }
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "vigil-log4j2.properties");
        }
        ClassLoader embedded = new URLClassLoader("vigil-embedded", urls.toArray(new URL[0]),
                ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(embedded);
        Method main = Class.forName(CLI, true, embedded).getMethod("main", String[].class);
        main.invoke(null, (Object) args);
    }

    private static boolean isPresent(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

package dev.vigil.job.cli;

import dev.vigil.job.ExitCodes;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Entry point of the job jar. On a Flink cluster Flink is on the classpath already and this hands
 * straight to {@link VigilCli#runInFlink}, which never exits the JVM. Run on its own with
 * {@code java -jar vigil.jar}, the jar has no Flink inside (the cluster provides it), so this starts
 * the same command in a JVM whose classpath adds the Flink runtime from the {@code flink-lib}
 * directory the build fills beside the jar, and the job runs there on an embedded mini-cluster.
 * (Flink loads job classes through the system class loader in local mode, so Flink must be on the
 * real classpath, not in a child loader.)
 *
 * <p>Uses nothing but the JDK until Flink is known to be there.
 */
public final class Main {

    private static final String FLINK_PROBE = "org.apache.flink.streaming.api.environment.StreamExecutionEnvironment";

    /**
     * Set in the JVM this class starts for an embedded run: only there does a command end the JVM with
     * its exit code. Started any other way, Flink called {@link #main}.
     */
    private static final String STARTED_BY_LAUNCHER = "vigil.launcher";

    /** The embedded run's log file (see vigil-log4j2.properties), and the property that moves it. */
    private static final String LOG_FILE = "vigil.log.file";
    private static final String DEFAULT_LOG_FILE = "out/vigil.log";

    /** The module openings Flink's own launch scripts give a Java 17 JVM, as the build wrote them. */
    private static final String JVM_OPENS = "jvm-opens.properties";

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (isFlinkPresent()) {
            if (Boolean.getBoolean(STARTED_BY_LAUNCHER)) {
                System.exit(VigilCli.execute(args));
            }
            // In a Flink client or JobManager, which exiting would take down with the job.
            VigilCli.runInFlink(args);
            return;
        }
        Path jar = jar();
        Path flinkLib = jar.resolveSibling("flink-lib");
        if (!Files.isDirectory(flinkLib)) {
            System.err.println("Flink is not on the classpath and " + flinkLib + " does not exist. Build with"
                    + " 'mvn package' (it puts the Flink runtime there), use the ./vigil launcher, or submit the"
                    + " jar to a Flink cluster with 'flink run'.");
            System.exit(ExitCodes.CONFIG);
        }
        System.exit(runEmbedded(jar, flinkLib, args));
    }

    private static boolean isFlinkPresent() {
        try {
            Class.forName(FLINK_PROBE, false, Main.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static int runEmbedded(Path jar, Path flinkLib, String[] args) throws IOException, InterruptedException {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(javaCommand);
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(jvmOpens());
        command.add("-D" + STARTED_BY_LAUNCHER + "=true");
        if (System.getProperty("log4j2.configurationFile") == null) {
            command.add("-Dlog4j2.configurationFile=vigil-log4j2.properties");
            // Each run starts a fresh log here. The configuration appends instead of truncating: Flink's RPC
            // system has a class loader, and so a Log4j context, of its own, and one that first logged at
            // shutdown used to open the file anew and wipe what the run had logged, its failure included.
            Files.deleteIfExists(Path.of(System.getProperty(LOG_FILE, DEFAULT_LOG_FILE)));
        }
        command.add("-cp");
        command.add(jar + java.io.File.pathSeparator + flinkLib.resolve("*"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // ONNX Runtime (1.29+) otherwise starts a telemetry uploader on Linux; nothing may leave the host.
        builder.environment().putIfAbsent("ORT_DISABLE_TELEMETRY", "1");
        Process child = builder.start();
        // Stop the job too when this JVM is stopped (Ctrl-C).
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        return child.waitFor();
    }

    /** The job jar this class was loaded from. */
    static Path jar() throws java.net.URISyntaxException {
        return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The JVM options opening Java 17 modules to Flink: the pom's {@code flink.jvm.opens}, copied in at build time. */
    public static List<String> jvmOpens() throws IOException {
        Properties properties = new Properties();
        try (var in = Main.class.getResourceAsStream(JVM_OPENS)) {
            if (in == null) {
                throw new IOException(JVM_OPENS + " is missing from the jar; rebuild it with 'mvn package'");
            }
            properties.load(in);
        }
        String opens = properties.getProperty("opens", "").trim();
        if (opens.isEmpty() || opens.contains("${")) {
            throw new IOException(JVM_OPENS + " was not filled in by the build: '" + opens + "'");
        }
        return List.of(opens.split("\\s+"));
    }
}

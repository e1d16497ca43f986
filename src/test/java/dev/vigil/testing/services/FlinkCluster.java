package dev.vigil.testing.services;

import dev.vigil.job.cli.Main;
import dev.vigil.testing.Await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real standalone Flink 1.20 cluster on 127.0.0.1 (free ports): a JobManager and TaskManagers, each in its
 * own JVM, laid out as Flink's distribution would be under {@code workDir}: {@code lib/} (the jars of
 * {@code src/test/services/flink-cluster.pom.xml}), {@code plugins/metrics-prometheus/} (Flink's Prometheus
 * reporter, enabled as {@value #PROMETHEUS_REPORTER}, on a port of each JVM's own: {@link #prometheusUrl(int)}),
 * {@code conf/config.yaml}, {@code usrlib/} in application mode, and one log per JVM ({@code jobmanager.log},
 * {@code taskmanager-<i>.log}).
 *
 * <p>Flink's launch scripts are not used (there is no flink-dist on Maven Central); this does what they do:
 * a {@code lib/*} classpath, Java 17 module openings, the memory options {@code BashJavaUtils} derives from
 * the configuration, and Flink's environment variables. {@code env.java.opts.*} keys are not applied.
 */
public final class FlinkCluster implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION_ENTRYPOINT = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String APPLICATION_ENTRYPOINT =
            "org.apache.flink.container.entrypoint.StandaloneApplicationClusterEntryPoint";
    private static final String TASK_MANAGER = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final String FLINK_CLIENT = "org.apache.flink.client.cli.CliFrontend";
    /** The reporter's name in the configuration, as in the Kubernetes manifests ({@code metrics.reporter.prom.*}). */
    public static final String PROMETHEUS_REPORTER = "prom";
    private static final String PROMETHEUS_PORT = "metrics.reporter." + PROMETHEUS_REPORTER + ".port";

    /** Each JVM logs to its standard output, which ServiceProcess writes to {@code <workDir>/<name>.log}. */
    private static final String LOG4J = """
            # Flink's log4j-console.properties, less its extras. log.file names the same file that standard
            # output goes to, so Flink's REST log endpoints show it too.
            rootLogger.level = INFO
            rootLogger.appenderRef.console.ref = ConsoleAppender
            appender.console.name = ConsoleAppender
            appender.console.type = CONSOLE
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
            logger.netty.name = org.jboss.netty.channel.DefaultChannelPipeline
            logger.netty.level = OFF
            """;

    private final Path workDir;
    private final int restPort;
    private final ServiceProcess jobManager;
    /** JVM options and program arguments of every TaskManager; they share one configuration. */
    private final List<String> taskManagerJvm;
    private final List<String> taskManagerArgs;
    private final List<ServiceProcess> taskManagers = new ArrayList<>();
    private final List<Integer> prometheusPorts = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int slotsPerTaskManager;

    private FlinkCluster(Path workDir, int restPort, ServiceProcess jobManager, List<String> taskManagerJvm,
            List<String> taskManagerArgs, int slotsPerTaskManager) {
        this.slotsPerTaskManager = slotsPerTaskManager;
        this.workDir = workDir;
        this.restPort = restPort;
        this.jobManager = jobManager;
        this.taskManagerJvm = taskManagerJvm;
        this.taskManagerArgs = taskManagerArgs;
    }

    /**
     * Starts a session cluster (jobs are submitted over REST) with {@code taskManagers} TaskManagers of
     * {@code slotsPerTaskManager} slots, and waits until all of them have registered. {@code workDir} is
     * emptied first; {@code conf} adds to or overrides the configuration written here.
     */
    public static FlinkCluster startSession(
            Path workDir, int taskManagers, int slotsPerTaskManager, Map<String, String> conf) {
        FlinkCluster cluster = start(workDir, slotsPerTaskManager, conf, SESSION_ENTRYPOINT, null, List.of());
        return cluster.closedOnFailure(() -> {
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager();
            }
            cluster.awaitTaskManagers(taskManagers, STARTUP);
        });
    }

    /**
     * Starts an application cluster that runs {@code jobJar}'s main class (from its manifest) with
     * {@code programArgs} in the JobManager, and one TaskManager with {@code parallelism} slots
     * ({@code parallelism.default} too); {@code workDir} and {@code conf} as for a session. Waits until the REST API answers or the JobManager has exited
     * already (a job that fails at once); the JobManager exits when the job ends, see
     * {@link #awaitJobManagerExit(Duration)}.
     */
    public static FlinkCluster startApplication(
            Path workDir, Path jobJar, List<String> programArgs, int parallelism, Map<String, String> conf) {
        Map<String, String> withParallelism = new LinkedHashMap<>(Map.of("parallelism.default", String.valueOf(parallelism)));
        withParallelism.putAll(conf);
        FlinkCluster cluster = start(workDir, parallelism, withParallelism, APPLICATION_ENTRYPOINT, jobJar, programArgs);
        return cluster.closedOnFailure(() -> {
            cluster.startTaskManager();
            cluster.awaitRestOrExit(STARTUP);
        });
    }

    /** Lays out {@code workDir} and starts the JobManager; {@code jobJar} is null for a session cluster. */
    private static FlinkCluster start(Path workDir, int slots, Map<String, String> conf, String entrypoint,
            Path jobJar, List<String> programArgs) {
        Path dir = workDir.toAbsolutePath();
        // A previous run's logs, blobs and jars would be mistaken for this one's.
        ServiceProcess.deleteRecursively(dir);
        int restPort = FreePorts.pick();
        linkJars("flink-cluster", dir.resolve("lib"));
        // Flink loads each plugins/ subdirectory in a class loader of its own, as a Flink image does.
        linkJars("flink-metrics-prometheus", dir.resolve("plugins").resolve("metrics-prometheus"));
        if (jobJar != null) {
            // Application mode runs the one jar in usrlib/ beside lib/ (see FLINK_LIB_DIR below). A copy, not a
            // link: a build rewriting the jar must not change a running job's classes.
            copy(jobJar, dir.resolve("usrlib").resolve(jobJar.getFileName()));
        }
        writeConfiguration(dir, slots, restPort, conf);
        List<String> jobManagerJvm = resourceParams(dir, "GET_JM_RESOURCE_PARAMS");
        List<String> taskManagerJvm = resourceParams(dir, "GET_TM_RESOURCE_PARAMS");
        List<String> jobManagerArgs = new ArrayList<>(configArgs(dir));
        jobManagerArgs.addAll(dynamicProperties(jobManagerJvm));
        List<String> taskManagerArgs = new ArrayList<>(configArgs(dir));
        taskManagerArgs.addAll(dynamicProperties(taskManagerJvm));
        jobManagerArgs.addAll(programArgs);
        // ServiceProcess does not tell an exit status, and an application cluster's is the job's outcome: the
        // shell records it.
        List<String> command = new ArrayList<>(List.of("sh", "-c", "\"$@\"; echo $? > jobmanager.exit", "sh"));
        command.addAll(flinkCommand(dir, "jobmanager", jvmParams(jobManagerJvm), entrypoint, jobManagerArgs));
        ServiceProcess jobManager = ServiceProcess.start("jobmanager", command, dir);
        return new FlinkCluster(dir, restPort, jobManager, jvmParams(taskManagerJvm), taskManagerArgs, slots);
    }

    /** {@code http://127.0.0.1:<port>}: the REST API (and web UI). */
    public String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    /** TaskManagers started so far, killed ones included: the valid indexes are 0 to this minus one. */
    public synchronized int taskManagerCount() {
        return taskManagers.size();
    }

    /** Starts one more TaskManager (a replacement, say) and returns its index; it registers in a few seconds. */
    public synchronized int startTaskManager() {
        int index = taskManagers.size();
        String name = "taskmanager-" + index;
        // Each TaskManager serves its metrics on a port of its own; a dynamic property overrides the file's.
        int prometheusPort = FreePorts.pick();
        List<String> args = new ArrayList<>(taskManagerArgs);
        args.addAll(List.of("-D", PROMETHEUS_PORT + "=" + prometheusPort));
        prometheusPorts.add(prometheusPort);
        taskManagers.add(ServiceProcess.start(name, flinkCommand(workDir, name, taskManagerJvm, TASK_MANAGER,
                args), workDir));
        return index;
    }

    /** Where TaskManager {@code index}'s Prometheus reporter serves its metrics, in Prometheus' text format. */
    public synchronized URI prometheusUrl(int index) {
        return URI.create("http://127.0.0.1:" + prometheusPorts.get(index) + "/metrics");
    }

    /** Kills a TaskManager with SIGKILL, as a crash would; the JobManager notices it by its heartbeats. */
    public synchronized void killTaskManager(int index) {
        taskManagers.get(index).kill();
    }

    public Path taskManagerLog(int index) {
        return workDir.resolve("taskmanager-" + index + ".log");
    }

    public Path jobManagerLog() {
        return workDir.resolve("jobmanager.log");
    }

    public boolean jobManagerAlive() {
        return jobManager.isAlive();
    }

    /** {@code GET /overview}: {@code taskmanagers}, {@code slots-total}, {@code jobs-running}, … */
    public JsonNode overview() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl() + "/overview"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /overview answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + restUrl() + "/overview failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Waits until exactly {@code expected} TaskManagers are registered (after starts or kills) with all their
     * slots: a TaskManager reports its slots a moment after it registers.
     */
    public void awaitTaskManagers(int expected, Duration timeout) {
        Await.until(expected + " registered TaskManagers", timeout, Duration.ofMillis(200), () -> {
            jobManager.checkAlive("registering " + expected + " TaskManagers");
            try {
                JsonNode overview = overview();
                return overview.get("taskmanagers").asInt() == expected
                        && overview.get("slots-total").asInt() == expected * slotsPerTaskManager;
            } catch (UncheckedIOException | IllegalStateException notYet) {
                return false;
            }
        }, this::diagnostics);
    }

    /**
     * Waits until the JobManager has exited (an application cluster does when its job ends) and returns its
     * exit status.
     */
    public int awaitJobManagerExit(Duration timeout) {
        Await.until("the JobManager to exit", timeout, Duration.ofMillis(200), () -> !jobManager.isAlive(),
                this::diagnostics);
        Path status = workDir.resolve("jobmanager.exit");
        try {
            return Integer.parseInt(Files.readString(status).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("the JobManager left no exit status in " + status + " (was it killed?); "
                    + diagnostics(), e);
        }
    }

    /** What a run of Flink's command-line client printed, and how it ended. */
    public record ClientRun(int exitCode, String output) {}

    /**
     * Runs Flink's command-line client against this cluster, as {@code bin/flink <args>} does (its
     * {@code CliFrontend} with {@code lib/*} and this cluster's configuration directory), to its end.
     */
    public ClientRun flinkClient(List<String> args, Duration timeout) throws IOException, InterruptedException {
        String name = "flink-client-" + System.nanoTime();
        Path log = workDir.resolve(name + ".log");
        Process client = new ProcessBuilder(flinkCommand(workDir, name, List.of(), FLINK_CLIENT, args))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!client.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("flink " + String.join(" ", args) + " did not end within " + timeout + ":\n"
                    + Files.readString(log));
        }
        return new ClientRun(client.exitValue(), Files.readString(log));
    }

    /** Kills every process at once; the logs stay in {@code workDir}. */
    @Override
    public synchronized void close() {
        taskManagers.forEach(ServiceProcess::kill);
        jobManager.kill();
        taskManagers.forEach(ServiceProcess::close);
        jobManager.close();
    }

    /** Runs the rest of a start, and stops the processes if it fails: the caller has nothing to close yet. */
    private FlinkCluster closedOnFailure(Runnable startup) {
        try {
            startup.run();
            return this;
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private void awaitRestOrExit(Duration timeout) {
        Await.until("the JobManager's REST API", timeout, Duration.ofMillis(200), () -> {
            if (!jobManager.isAlive()) {
                return true;
            }
            try {
                overview();
                return true;
            } catch (UncheckedIOException | IllegalStateException notYet) {
                return false;
            }
        }, this::diagnostics);
    }

    private synchronized String diagnostics() {
        StringBuilder text = new StringBuilder("the JobManager's log (" + jobManagerLog() + ") ends:\n"
                + jobManager.logTail());
        for (int i = 0; i < taskManagers.size(); i++) {
            if (taskManagers.get(i).isAlive()) {
                text.append("\n\ntaskmanager-").append(i).append("'s log ends:\n").append(taskManagers.get(i).logTail());
            }
        }
        return text.toString();
    }

    /**
     * Fills {@code dir} with links to the jars of {@code src/test/services/<service>.pom.xml}. Flink's scripts put
     * every jar in {@code lib/} on the classpath, and a {@code lib/*} wildcard keeps the command line short.
     */
    private static void linkJars(String service, Path dir) {
        try {
            Files.createDirectories(dir);
            for (String jar : MavenClasspath.of(service).split(java.io.File.pathSeparator)) {
                Path target = Path.of(jar);
                Files.createSymbolicLink(dir.resolve(target.getFileName()), target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fill " + dir, e);
        }
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static void copy(Path from, Path to) {
        createDirectory(to.getParent());
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    private static void writeConfiguration(Path dir, int slots, int restPort, Map<String, String> extra) {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("jobmanager.rpc.address", "127.0.0.1");
        conf.put("jobmanager.bind-host", "127.0.0.1");
        conf.put("jobmanager.rpc.port", String.valueOf(FreePorts.pick()));
        conf.put("taskmanager.host", "127.0.0.1");
        conf.put("taskmanager.bind-host", "127.0.0.1");
        // Every TaskManager reads this one file, so their own ports are the operating system's choice.
        conf.put("taskmanager.rpc.port", "0");
        conf.put("taskmanager.data.port", "0");
        conf.put("rest.address", "127.0.0.1");
        conf.put("rest.bind-address", "127.0.0.1");
        conf.put("rest.port", String.valueOf(restPort));
        conf.put("blob.server.port", String.valueOf(FreePorts.pick()));
        conf.put("taskmanager.numberOfTaskSlots", String.valueOf(slots));
        // A killed TaskManager fails its heartbeat RPCs at once (heartbeat.rpc-failure-threshold, 2 by
        // default), so it is noticed within seconds; the timeout only covers a hung one, and stays long enough
        // for a TaskManager busy with the model on a 2-core machine.
        conf.put("heartbeat.interval", "1 s");
        conf.put("heartbeat.timeout", "10 s");
        // TaskManagers start with the JobManager; one that finds the JobManager not up yet retries after this
        // (10 s by default).
        conf.put("cluster.registration.error-delay", "1 s");
        conf.put("jobmanager.memory.process.size", "1g");
        // 2 GiB per TaskManager, so that 3-4 of them, a JobManager, Kafka and Elasticsearch fit a 24 GiB machine:
        // 256 MiB metaspace (default) + 384 MiB JVM overhead (ONNX Runtime's and FFmpeg's malloc'd memory, thread
        // stacks) + 128 MiB framework heap + 128 MiB framework off-heap + 64 MiB network + 64 MiB managed + 384 MiB
        // task off-heap (the direct buffers DJL hands ONNX Runtime tensors in) = 1,408 MiB, leaving 640 MiB of task
        // heap. Managed memory is small because the job keeps its state on the heap (no RocksDB).
        conf.put("taskmanager.memory.process.size", "2g");
        conf.put("taskmanager.memory.jvm-overhead.min", "384m");
        conf.put("taskmanager.memory.jvm-overhead.max", "384m");
        conf.put("taskmanager.memory.network.min", "64m");
        conf.put("taskmanager.memory.network.max", "64m");
        conf.put("taskmanager.memory.managed.size", "64m");
        conf.put("taskmanager.memory.task.off-heap.size", "384m");
        conf.put("metrics.reporter." + PROMETHEUS_REPORTER + ".factory.class",
                "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        // Label values as they are: by default the reporter rewrites camera ids ("front-door" as "front_door").
        conf.put("metrics.reporter." + PROMETHEUS_REPORTER + ".filterLabelValueCharacters", "false");
        // The JobManager's; each TaskManager is given its own (see startTaskManager).
        conf.put(PROMETHEUS_PORT, String.valueOf(FreePorts.pick()));
        conf.put("io.tmp.dirs", dir.resolve("tmp").toString());
        conf.put("web.tmpdir", dir.resolve("tmp").resolve("web").toString());
        conf.put("web.upload.dir", dir.resolve("upload").toString());
        conf.putAll(extra);
        // Flink 1.20 reads conf/config.yaml (standard YAML) unless a legacy flink-conf.yaml is there.
        String yaml = conf.entrySet().stream()
                .map(e -> e.getKey() + ": '" + e.getValue().replace("'", "''") + "'")
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.createDirectories(dir.resolve("conf"));
            Files.writeString(dir.resolve("conf").resolve("config.yaml"), yaml);
            Files.writeString(dir.resolve("conf").resolve("log4j.properties"), LOG4J);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the configuration into " + dir.resolve("conf"), e);
        }
    }

    /**
     * The two lines Flink's scripts read from {@code BashJavaUtils}: the JVM's memory options ({@code -Xmx} …),
     * then the memory sizes it derived as {@code -D key=value} properties for the process's arguments (a
     * TaskManager refuses to start without them: "taskmanager.cpu.cores is not set").
     */
    private static List<String> resourceParams(Path dir, String command) {
        String prefix = "BASH_JAVA_UTILS_EXEC_RESULT:";
        String output = ServiceProcess.runToCompletion(ServiceProcess.javaCommand(dir.resolve("lib") + "/*",
                        List.of(), "org.apache.flink.runtime.util.bash.BashJavaUtils",
                        List.of(command, "--configDir", dir.resolve("conf").toString())),
                dir, dir.resolve(command + ".log"), Duration.ofMinutes(1));
        List<String> results = output.lines().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).trim()).toList();
        if (results.size() != 2) {
            throw new IllegalStateException("BashJavaUtils " + command + " printed no JVM options and properties: " + output);
        }
        return results;
    }

    private static List<String> jvmParams(List<String> resourceParams) {
        return List.of(resourceParams.get(0).split("\\s+"));
    }

    private static List<String> dynamicProperties(List<String> resourceParams) {
        return List.of(resourceParams.get(1).split("\\s+"));
    }

    private static List<String> configArgs(Path dir) {
        return List.of("--configDir", dir.resolve("conf").toString());
    }

    /** The command of one Flink JVM named {@code name}, with the environment Flink's scripts give it. */
    private static List<String> flinkCommand(Path dir, String name, List<String> memory, String mainClass,
            List<String> args) {
        List<String> jvm = new ArrayList<>(memory);
        jvm.addAll(jvmOpens());
        jvm.add("-Dlog.file=" + dir.resolve(name + ".log"));
        jvm.add("-Dlog4j.configurationFile=file:" + dir.resolve("conf").resolve("log4j.properties"));
        List<String> command = new ArrayList<>(List.of("env", "OPT_OUT_TRACKING=true",
                // Application mode finds the job jar in usrlib/ beside the lib/ directory named here.
                "FLINK_LIB_DIR=" + dir.resolve("lib"),
                "FLINK_CONF_DIR=" + dir.resolve("conf"),
                "FLINK_PLUGINS_DIR=" + dir.resolve("plugins")));
        command.addAll(ServiceProcess.javaCommand(dir.resolve("lib") + "/*", jvm, mainClass, args));
        return command;
    }

    /** Flink's Java 17 module openings, as the job's own launcher gives them (the pom's {@code flink.jvm.opens}). */
    private static List<String> jvmOpens() {
        try {
            return Main.jvmOpens();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

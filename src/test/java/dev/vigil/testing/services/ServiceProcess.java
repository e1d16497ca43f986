package dev.vigil.testing.services;

import dev.vigil.testing.Await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real service (broker, search node, camera server) running as a child process on 127.0.0.1, with its
 * output in a log file under {@code target/services/} so that a failing test can be diagnosed.
 *
 * <p>The process and its descendants are killed when the test closes it, and by a shutdown hook if the
 * test JVM exits first, so that no service outlives the build.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Path workDir;
    private final Path log;
    private final Thread shutdownHook;
    private Process process;

    private ServiceProcess(String name, List<String> command, Path workDir) {
        this.name = name;
        this.command = List.copyOf(command);
        this.workDir = workDir;
        this.log = workDir.resolve(name + ".log");
        this.shutdownHook = new Thread(this::kill, "stop-" + name);
    }

    /** Starts {@code command} in {@code workDir} (created if needed). */
    public static ServiceProcess start(String name, List<String> command, Path workDir) {
        ServiceProcess service = new ServiceProcess(name, command, workDir);
        service.start();
        Runtime.getRuntime().addShutdownHook(service.shutdownHook);
        return service;
    }

    /** Starts a JVM with the same Java as the tests, the given classpath, options and main class. */
    public static ServiceProcess startJava(
            String name, String classpath, List<String> jvmOptions, String mainClass, List<String> args, Path workDir) {
        return start(name, javaCommand(classpath, jvmOptions, mainClass, args), workDir);
    }

    /** The command line running {@code mainClass} with the same Java as the tests. */
    public static List<String> javaCommand(
            String classpath, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * Runs a one-off command (a tool, a probe) to its end with its output in {@code log}, and returns that
     * output; fails with the output if the command fails or does not end within {@code timeout}.
     *
     * @param workDir the command's working directory, or {@code null} for the tests' own
     */
    public static String runToCompletion(List<String> command, Path workDir, Path log, Duration timeout) {
        String program = command.get(0);
        Process process;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + program + ": " + e.getMessage(), e);
        }
        try {
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log);
            if (!ended) {
                throw new IllegalStateException(program + " did not finish within " + timeout + ": " + output.strip());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(program + " failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the output of " + program + " in " + log, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + program, e);
        }
    }

    /** Deletes a service's data directory and everything in it; a missing directory is fine. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** Starts the process again with the same command, after {@link #kill()} or {@link #stop()}. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            Files.createDirectories(workDir);
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Waits until the service accepts TCP connections on 127.0.0.1:{@code port}. */
    public void awaitPort(int port, Duration timeout) {
        Await.until(name + " to open port " + port, timeout, Duration.ofMillis(100), () -> {
            checkAlive("opening port " + port);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        }, () -> "its output:\n" + logTail());
    }

    /** Fails with the process's output if it has exited before {@code doing} what a test waits for. */
    public synchronized void checkAlive(String doing) {
        if (!isAlive()) {
            throw new IllegalStateException(name + (process == null ? " was never started" : " exited with "
                    + process.exitValue()) + " before " + doing + "; its output:\n" + logTail());
        }
    }

    /** Sends a POSIX signal (e.g. {@code STOP}, {@code CONT}) to the process and its children. */
    public synchronized void signal(String signal) {
        if (!isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(process.pid())));
        process.descendants().forEach(child -> command.add(Long.toString(child.pid())));
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + signal + " " + name + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted signalling " + name, e);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Asks the process (and its children) to shut down, and kills it if it has not within ten seconds. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        awaitExit(Duration.ofSeconds(10));
        kill();
    }

    /** Kills the process and its children at once, as a crash or power cut would. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }

    /** The last lines the service printed, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private void awaitExit(Duration timeout) {
        try {
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + (isAlive() ? " (running)" : " (stopped)");
    }
}

package dev.vigil.testing.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath of a service whose jars must not meet the job's own (the Kafka 4 broker next to the
 * job's Kafka 3 clients, say). Each service has a small POM under {@code src/test/services/}; Maven
 * resolves it from Maven Central once and the classpath is kept under {@code target/services/}.
 */
public final class MavenClasspath {

    private MavenClasspath() {}

    /** Resolves {@code src/test/services/<name>.pom.xml} to a classpath string. */
    public static synchronized String of(String name) {
        Path pom = Path.of("src", "test", "services", name + ".pom.xml").toAbsolutePath();
        Path out = Path.of("target", "services", name + ".classpath").toAbsolutePath();
        try {
            if (Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(pom)) > 0) {
                return Files.readString(out).trim();
            }
            Files.createDirectories(out.getParent());
            List<String> command = new ArrayList<>(List.of(maven(), "-B", "-q", "-f", pom.toString(),
                    "dependency:build-classpath", "-Dmdep.outputFile=" + out));
            Path log = out.resolveSibling(name + ".resolve.log");
            try {
                ServiceProcess.runToCompletion(command, null, log, Duration.ofMinutes(10));
            } catch (IllegalStateException e) {
                throw new IllegalStateException("Maven could not resolve " + pom + ":\n" + e.getMessage(), e);
            }
            return Files.readString(out).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve the classpath of " + name, e);
        }
    }

    private static String maven() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }
}

package dev.vigil.job;

import org.apache.flink.api.common.JobID;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the checkpoint coordinator of a JobManager in this JVM (the embedded mini-cluster) says about each
 * job's checkpoints: how many completed, the largest and slowest, and why the last one failed.
 *
 * <p>Flink reports a failed checkpoint's cause (state too large for its storage, a full disk) only in the
 * JobManager's log, when a task declines the checkpoint; a job that fails because checkpoints kept failing
 * is told only "Exceeded checkpoint tolerable failure threshold". Listening to that log is how the run
 * report can name the cause. Its messages are read as Flink 1.20 writes them:
 * {@code Completed checkpoint <n> for job <id> (<bytes> bytes, checkpointDuration=<ms> ms, ...)} and
 * {@code Decline checkpoint <n> by task <task> of job <id> ...} with the cause attached. Where Log4j 2 is
 * not the logging backend nothing is recorded, and the report leaves the figures out.
 */
public final class CheckpointLog {

    /** The logger under which Flink's checkpoint coordinator reports completed, declined and failed checkpoints. */
    static final String COORDINATOR = "org.apache.flink.runtime.checkpoint.CheckpointCoordinator";

    private static final Pattern COMPLETED = Pattern.compile(
            "Completed checkpoint (\\d+) for job ([0-9a-f]{32}) \\((\\d+) bytes, checkpointDuration=(\\d+) ms");
    private static final Pattern JOB = Pattern.compile("\\bjob ([0-9a-f]{32})\\b");

    /** Checkpoints of one job so far: how many completed, the largest and slowest, the last failure's cause. */
    public record Stats(int completed, long largestBytes, long slowestMillis, long lastBytes, String lastFailure) {

        static final Stats NONE = new Stats(0, 0, 0, 0, null);

        Stats withCompleted(long bytes, long millis) {
            return new Stats(completed + 1, Math.max(largestBytes, bytes), Math.max(slowestMillis, millis), bytes,
                    lastFailure);
        }

        Stats withFailure(String cause) {
            return new Stats(completed, largestBytes, slowestMillis, lastBytes, cause);
        }
    }

    private static final Map<String, Stats> JOBS = new ConcurrentHashMap<>();
    private static volatile String lastFailureOfAnyJob;

    private CheckpointLog() {}

    /** Starts listening, once per JVM; does nothing where Log4j 2 is not the logging backend. */
    static void listen() {
        try {
            Log4jListener.install();
        } catch (LinkageError | ClassCastException notLog4j) {
            LoggerFactory.getLogger(CheckpointLog.class).debug("checkpoints are not followed: {}", notLog4j.toString());
        }
    }

    /** What was heard of {@code job}'s checkpoints. */
    static Stats of(JobID job) {
        return JOBS.getOrDefault(job.toString(), Stats.NONE);
    }

    /** The root cause of the last checkpoint failure heard of, of any job. */
    static Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailureOfAnyJob);
    }

    static void heard(String message, Throwable thrown) {
        Matcher completed = COMPLETED.matcher(message);
        if (completed.find()) {
            JOBS.merge(completed.group(2), Stats.NONE.withCompleted(Long.parseLong(completed.group(3)),
                            Long.parseLong(completed.group(4))),
                    (old, added) -> old.withCompleted(added.lastBytes(), added.slowestMillis()));
            return;
        }
        if (thrown != null) {
            String cause = JobFailure.rootCause(thrown);
            lastFailureOfAnyJob = cause;
            Matcher job = JOB.matcher(message);
            if (job.find()) {
                JOBS.merge(job.group(1), Stats.NONE.withFailure(cause), (old, added) -> old.withFailure(cause));
            }
        }
    }

    /** Log4j 2 specifics, kept apart so that nothing loads them where Log4j 2 is absent. */
    private static final class Log4jListener {

        private static final String APPENDER = "vigil-checkpoints";

        static synchronized void install() {
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            Configuration config = context.getConfiguration();
            if (config.getAppender(APPENDER) != null) {
                return;
            }
            Appender appender = new AbstractAppender(APPENDER, null, null, true, Property.EMPTY_ARRAY) {
                @Override
                public void append(LogEvent event) {
                    heard(event.getMessage().getFormattedMessage(), event.getThrown());
                }
            };
            appender.start();
            config.addAppender(appender);
            LoggerConfig existing = config.getLoggerConfig(COORDINATOR);
            if (existing.getName().equals(COORDINATOR)) {
                existing.addAppender(appender, Level.INFO, null);
            } else {
                // The coordinator reports at INFO, which the parent may not pass: a logger of its own at INFO
                // feeds this listener, and the parent's appenders at the parent's level, as before.
                LoggerConfig coordinator = new LoggerConfig(COORDINATOR, Level.INFO, false);
                existing.getAppenders().values().forEach(a -> coordinator.addAppender(a, existing.getLevel(), null));
                coordinator.addAppender(appender, Level.INFO, null);
                config.addLogger(COORDINATOR, coordinator);
            }
            context.updateLoggers();
        }
    }
}

package dev.vigil.job;

import org.apache.flink.runtime.checkpoint.CheckpointFailureManager;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Why a job failed, in one line a user can act on: the message of the deepest cause, not the wrappers
 * Flink puts around it; where the job failed because its checkpoints kept failing, the cause of the last
 * failed checkpoint (see {@link CheckpointLog}). The full trace goes to the log file.
 */
public final class JobFailure {

    private static final Logger LOG = LoggerFactory.getLogger(JobFailure.class);

    private JobFailure() {}

    /** The one line for a failed job. */
    public static String explain(Throwable failure) {
        String root = rootCause(failure);
        Optional<String> checkpoint = CheckpointLog.lastFailure();
        if (root.contains(CheckpointFailureManager.EXCEEDED_CHECKPOINT_TOLERABLE_FAILURE_MESSAGE) && checkpoint.isPresent()) {
            return "checkpoints failed: " + checkpoint.get() + " (Flink: " + root + ")";
        }
        return root;
    }

    /** Logs the failure's full trace (the launcher's log setup keeps it off the console) and returns the log file. */
    public static Optional<Path> log(Throwable failure) {
        LOG.error("The job failed", failure);
        return logFile();
    }

    /** The deepest cause's class and message. */
    static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // Flink ships causes from other JVMs as SerializedThrowable, whose message is the original's toString.
        return root.getClass().getName().equals("org.apache.flink.util.SerializedThrowable")
                ? String.valueOf(root.getMessage()) : root.toString();
    }

    /** The file the log goes to, where the logging backend is Log4j 2 with a file appender. */
    static Optional<Path> logFile() {
        try {
            return Log4jFiles.first();
        } catch (LinkageError | ClassCastException notLog4j) {
            return Optional.empty();
        }
    }

    /** Log4j 2 specifics, kept apart so that nothing loads them where Log4j 2 is absent. */
    private static final class Log4jFiles {
        static Optional<Path> first() {
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            for (Appender appender : context.getConfiguration().getAppenders().values()) {
                if (appender instanceof FileAppender file) {
                    return Optional.of(Path.of(file.getFileName()).toAbsolutePath());
                }
            }
            return Optional.empty();
        }
    }
}

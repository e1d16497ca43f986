package dev.vigil.job.cluster;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request Flink's REST API refused. Flink puts the whole server-side trace into its error texts; for a
 * job whose {@code main} failed, what the submitter needs is the message {@code main} threw, which
 * {@link #getMessage()} gives on its own.
 */
public final class FlinkRestException extends IOException {

    private static final long serialVersionUID = 1L;

    /** How Flink introduces the exception a job's main method threw. */
    private static final Pattern MAIN_FAILED = Pattern.compile("The main method caused an error: ");

    private final int status;
    private final List<String> errors;

    FlinkRestException(String what, int status, List<String> errors) {
        super("Flink refused to " + what + ": " + reason(status, errors));
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** Flink's error texts as it sent them. */
    public List<String> errors() {
        return errors;
    }

    /** The message the job's main method threw, up to its stack trace, or else Flink's own errors in short. */
    static String reason(int status, List<String> errors) {
        for (String error : errors) {
            Matcher m = MAIN_FAILED.matcher(error);
            if (m.find()) {
                StringBuilder message = new StringBuilder();
                for (String line : error.substring(m.end()).split("\n")) {
                    if (line.startsWith("\tat ") || line.startsWith("Caused by: ")) {
                        break;
                    }
                    message.append(message.length() == 0 ? "" : "\n").append(line);
                }
                return message.toString().strip();
            }
        }
        if (errors.isEmpty()) {
            return "HTTP " + status;
        }
        // Without a failed main, the first line of each error says it (a bad jar id, a job that is not there).
        return String.join("; ", errors.stream().map(e -> e.lines().findFirst().orElse("").strip()).toList());
    }
}

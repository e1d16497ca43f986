package dev.vigil.job.cli;

import dev.vigil.job.JobFailure;

/** A job that was started and failed; the message is the one line {@link JobFailure} gives for its cause. */
final class JobFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    JobFailedException(Throwable cause) {
        super(JobFailure.explain(cause), cause);
    }
}

package dev.vigil.job;

/** How a Vigil command ends, for scripts and schedulers that run it. */
public final class ExitCodes {

    /** Done. */
    public static final int OK = 0;
    /** The job started and failed. */
    public static final int JOB_FAILED = 1;
    /** A configuration, input or model problem found before the job started. */
    public static final int CONFIG = 2;
    /** The cluster could not be reached, or refused the job (its answer says why). */
    public static final int NOT_SUBMITTED = 3;

    private ExitCodes() {}
}

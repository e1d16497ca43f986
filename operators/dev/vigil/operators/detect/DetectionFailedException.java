package dev.vigil.operators.detect;

/** The model failed on a batch; the message names the model, device and frames. */
public final class DetectionFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DetectionFailedException(String message, Throwable cause) {
        super(message + ": " + cause, cause);
    }
}

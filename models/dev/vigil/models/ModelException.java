package dev.vigil.models;

/** A model could not be found, verified, loaded or run; the message says what to do about it. */
public class ModelException extends RuntimeException {

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.vigil.models;

/** A model name that is not in the catalogue. */
public class UnknownModelException extends ModelException {

    public UnknownModelException(String message) {
        super(message);
    }
}

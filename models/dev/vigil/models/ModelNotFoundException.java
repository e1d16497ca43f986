package dev.vigil.models;

/** No usable copy of a model file anywhere it was looked for; the message lists each place and why. */
public class ModelNotFoundException extends ModelException {

    public ModelNotFoundException(String message) {
        super(message);
    }
}

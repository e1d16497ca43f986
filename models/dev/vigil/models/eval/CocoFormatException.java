package dev.vigil.models.eval;

/** A COCO annotations or results file that cannot be read, or is not valid COCO: says where. */
public class CocoFormatException extends RuntimeException {

    public CocoFormatException(String message) {
        super(message);
    }

    public CocoFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

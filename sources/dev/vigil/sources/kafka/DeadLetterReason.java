package dev.vigil.sources.kafka;

/**
 * Why a frame-topic record went to the dead-letter topic. The {@link #id()} is the value of the
 * {@value FrameTopic#DLQ_REASON} header and the name of the counter metric
 * {@code deadLetters.<id>} in the decode operator's metric group.
 */
public enum DeadLetterReason {
    /** The record has no value or an empty one. */
    EMPTY_IMAGE("empty-image"),
    /** The value is larger than the configured limit; it is not decoded. */
    IMAGE_TOO_LARGE("image-too-large"),
    /** A required header is absent. */
    MISSING_HEADER("missing-header"),
    /** A header is present but its value is not what the contract allows. */
    INVALID_HEADER("invalid-header"),
    /** The camera is not one of the cameras the job is restricted to. */
    UNKNOWN_CAMERA("unknown-camera"),
    /** The value is not a complete JPEG or PNG image. */
    UNDECODABLE_IMAGE("undecodable-image");

    private final String id;

    DeadLetterReason(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}

package dev.vigil.models;

/** A model file (or download) whose SHA-256 is not the one the catalogue lists for it. */
public class ModelChecksumException extends ModelException {

    private final String file;
    private final String expectedSha256;
    private final String actualSha256;

    public ModelChecksumException(String file, String expectedSha256, String actualSha256, String advice) {
        super("model file " + file + " has sha256 " + actualSha256 + " but the catalogue expects "
                + expectedSha256 + ": " + advice);
        this.file = file;
        this.expectedSha256 = expectedSha256;
        this.actualSha256 = actualSha256;
    }

    public String file() {
        return file;
    }

    public String expectedSha256() {
        return expectedSha256;
    }

    public String actualSha256() {
        return actualSha256;
    }
}

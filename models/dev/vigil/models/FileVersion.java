package dev.vigil.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One version of a file, as far as caches of what was read from it are concerned: its absolute
 * path, size and modification time. A file that is replaced or rewritten is a new version.
 */
record FileVersion(Path file, long size, long modifiedMillis) {

    /** The current version of {@code file}. */
    static FileVersion of(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
        return new FileVersion(absolute, attributes.size(), attributes.lastModifiedTime().toMillis());
    }
}

package dev.vigil.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of files, remembered per (path, size, modification time) so that every detector opened
 * in a JVM does not rehash the same model file; a file that changes gets hashed again.
 */
final class Checksums {

    private static final Map<FileVersion, String> KNOWN = new ConcurrentHashMap<>();

    private Checksums() {}

    static String sha256(Path file) throws IOException {
        FileVersion version = FileVersion.of(file);
        String known = KNOWN.get(version);
        if (known != null) {
            return known;
        }
        String computed = hash(version.file());
        KNOWN.put(version, computed);
        return computed;
    }

    /** Number of hashes computed so far that are remembered (for tests). */
    static int rememberedCount() {
        return KNOWN.size();
    }

    private static String hash(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

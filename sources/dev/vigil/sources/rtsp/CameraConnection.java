package dev.vigil.sources.rtsp;

import java.io.Serializable;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach one configured camera: its id, RTSP URL, credentials and transport. Credentials may be in the URL
 * ({@code rtsp://user:pass@host/path}) or given separately (then they win); {@link #toString()},
 * {@link #maskedUrl()} and every message built from a camera show them only as {@code ***}.
 *
 * <p>Held by the source (shipped in the job graph), never in checkpoints: splits carry only the camera
 * id and sequence number, so changing a password needs no state migration.
 */
public final class CameraConnection implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How RTP packets travel: interleaved in the RTSP TCP connection (robust), or over UDP. */
    public enum Transport {
        TCP,
        UDP;

        String ffmpegName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String cameraId;
    private final String url;
    private final String username;
    private final String password;
    private final Transport transport;
    private final Duration timeout;

    /**
     * @param url RTSP URL, possibly with user info
     * @param username user name, or {@code null} to use the URL's
     * @param password password, or {@code null} to use the URL's
     * @param timeout how long connecting or waiting for the next packet may take before the camera counts
     *     as stalled and is reconnected
     */
    public CameraConnection(String cameraId, String url, String username, String password, Transport transport,
            Duration timeout) {
        this.cameraId = Objects.requireNonNull(cameraId, "cameraId");
        this.url = Objects.requireNonNull(url, "url");
        this.username = username;
        this.password = password;
        this.transport = Objects.requireNonNull(transport, "transport");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Checks the settings; returns the problems, each naming the camera (never its credentials). */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (cameraId.isBlank()) {
            problems.add("camera id must not be blank");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("rtsp://") && !lower.startsWith("rtsps://")) {
            problems.add("camera '" + cameraId + "': url must start with rtsp:// or rtsps://, got " + maskedUrl());
        } else if (hostOf(url).isEmpty()) {
            problems.add("camera '" + cameraId + "': url has no host: " + maskedUrl());
        }
        if (password != null && username == null && Credentials.userInfo(url) == null) {
            problems.add("camera '" + cameraId + "': a password needs a username");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            problems.add("camera '" + cameraId + "': timeout must be positive");
        }
        return problems;
    }

    public String cameraId() {
        return cameraId;
    }

    public Transport transport() {
        return transport;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The URL to connect to, with the credentials (URL-encoded) in it. Never log it. */
    String connectUrl() {
        if (username == null && password == null) {
            return url;
        }
        String existing = Credentials.userInfo(url);
        String existingUser = existing == null ? null : decode(existing.split(":", 2)[0]);
        String existingPassword = existing == null || !existing.contains(":") ? null : decode(existing.split(":", 2)[1]);
        String user = username != null ? username : existingUser;
        String pass = password != null ? password : existingPassword;
        int start = url.indexOf("://") + 3;
        String rest = existing == null ? url.substring(start) : url.substring(start + existing.length() + 1);
        StringBuilder info = new StringBuilder(encode(user == null ? "" : user));
        if (pass != null) {
            info.append(':').append(encode(pass));
        }
        return url.substring(0, start) + info + "@" + rest;
    }

    /** The URL with any user info shown as {@code ***}. */
    public String maskedUrl() {
        return Credentials.maskUrl(url);
    }

    /** Every form in which this camera's secrets could appear in a message. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        String info = Credentials.userInfo(connectUrl());
        if (info != null) {
            secrets.add(info);
            if (info.contains(":")) {
                String pass = info.split(":", 2)[1];
                secrets.add(pass);
                secrets.add(decode(pass));
            }
        }
        if (password != null) {
            secrets.add(password);
        }
        // Longest first, so that a password inside the user info does not leave the user info half-masked.
        secrets.removeIf(s -> s == null || s.isEmpty());
        secrets.sort((a, b) -> b.length() - a.length());
        return secrets;
    }

    /** {@code text} with this camera's credentials masked. */
    String mask(String text) {
        return Credentials.mask(text, secrets());
    }

    private static String hostOf(String url) {
        int start = url.indexOf("://") + 3;
        String rest = url.substring(start);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        int at = authority.lastIndexOf('@');
        String hostPort = at < 0 ? authority : authority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 || hostPort.endsWith("]") ? hostPort : hostPort.substring(0, colon);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return s;
        }
    }

    @Override
    public String toString() {
        return "Camera{" + cameraId + " <- " + maskedUrl() + " over " + transport
                + (username != null || password != null ? " with credentials ***" : "") + "}";
    }
}

package dev.vigil.sources.rtsp;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps camera credentials out of everything a person or a tool can read: logs, metrics, status
 * events and exception messages all pass through {@link #mask}.
 */
public final class Credentials {

    /** The user-info part of any URL in a text: {@code scheme://user:pass@}. */
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]*@");
    static final String MASK = "***";

    private Credentials() {}

    /**
     * {@code text} with the user info of every URL in it replaced by {@code ***}, and every one of
     * {@code secrets} (non-blank ones) replaced as well, wherever it appears.
     */
    public static String mask(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String masked = USER_INFO.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    /** {@code url} with its user info, if any, replaced by {@code ***}. */
    public static String maskUrl(String url) {
        return mask(url, java.util.List.of());
    }

    /** The user info of {@code url} ({@code user:pass}), or {@code null} if it has none. */
    static String userInfo(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int start = scheme + 3;
        int slash = url.indexOf('/', start);
        int end = slash < 0 ? url.length() : slash;
        int at = url.lastIndexOf('@', end - 1);
        return at >= start ? url.substring(start, at) : null;
    }
}

package dev.vigil.job.config;

import dev.vigil.sources.rtsp.Credentials;

import org.apache.flink.configuration.GlobalConfiguration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recognises secret config values (passwords, keys, JAAS configs with credentials) so that no config
 * dump or message shows them: every key Flink itself treats as sensitive, and a few more words.
 */
public final class Secrets {

    /** What a secret value is shown as. */
    public static final String MASK = "******";

    /** Beyond Flink's sensitive keys: Kafka's sasl.jaas.config, credential files, private keys. */
    private static final String[] SECRET_WORDS = {"jaas", "credential", "api-key", "private"};

    private Secrets() {}

    /** Whether the value under {@code key} is a secret, judged by the key's name. */
    public static boolean isSecret(String key) {
        if (GlobalConfiguration.isSensitive(key)) {
            return true;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A copy of {@code value} with every secret entry of every nested map (and list of maps, such as the
     * camera list) replaced by {@link #MASK}, and the password of any URL with user info
     * ({@code rtsp://user:pass@host/...}) masked.
     */
    public static Object masked(Object value) {
        if (value instanceof String text) {
            return Credentials.maskUrl(text);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Secrets::masked).toList();
        }
        if (!(value instanceof Map)) {
            return value;
        }
        Map<Object, Object> copy = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> copy.put(k, isSecret(String.valueOf(k)) ? MASK : masked(v)));
        return copy;
    }
}

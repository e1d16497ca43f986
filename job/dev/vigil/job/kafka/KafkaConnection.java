package dev.vigil.job.kafka;

import dev.vigil.job.config.KafkaOptions;
import dev.vigil.job.config.Secrets;
import dev.vigil.job.config.VigilConfig;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How Vigil's Kafka clients reach the cluster: the bootstrap servers and the client properties given
 * under {@code kafka.properties} (security settings, mostly), shared by every consumer and producer.
 * Its {@link #toString()} masks secret values.
 */
public final class KafkaConnection implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String bootstrapServers;
    private final TreeMap<String, String> properties;

    private KafkaConnection(String bootstrapServers, Map<String, String> properties) {
        this.bootstrapServers = bootstrapServers;
        this.properties = new TreeMap<>(properties);
    }

    /**
     * The connection the config describes, or {@code null} with the reasons added to {@code problems}.
     *
     * @param neededBy the key that needs a connection, for the message when none is configured
     */
    public static KafkaConnection fromConfig(VigilConfig config, String neededBy, List<String> problems) {
        String servers = config.get(KafkaOptions.BOOTSTRAP_SERVERS);
        int before = problems.size();
        if (servers == null || servers.isBlank()) {
            problems.add(KafkaOptions.BOOTSTRAP_SERVERS.key() + ": required by " + neededBy
                    + " (the Kafka brokers as host:port[,host:port...])");
        }
        Map<String, String> properties = new TreeMap<>();
        Object tree = config.get(KafkaOptions.PROPERTIES);
        if (tree != null) {
            ((Map<?, ?>) tree).forEach((key, value) -> {
                String where = KafkaOptions.PROPERTIES.key() + "." + key;
                if (value == null || value instanceof Map || value instanceof List) {
                    // Never quote the value: it may be a secret.
                    problems.add(where + ": expected a single value (text, number or true/false)");
                } else if (String.valueOf(key).equals("bootstrap.servers")) {
                    problems.add(where + ": give the brokers as " + KafkaOptions.BOOTSTRAP_SERVERS.key());
                } else {
                    properties.put(String.valueOf(key), String.valueOf(value));
                }
            });
        }
        return problems.size() > before ? null : new KafkaConnection(servers.trim(), properties);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The client properties besides the bootstrap servers, secrets included: for clients only, never to print. */
    public Properties clientProperties() {
        Properties props = new Properties();
        props.putAll(properties);
        return props;
    }

    @Override
    public String toString() {
        return "KafkaConnection{" + bootstrapServers + ", " + Secrets.masked(properties) + "}";
    }
}

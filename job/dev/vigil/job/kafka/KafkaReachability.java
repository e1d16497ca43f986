package dev.vigil.job.kafka;

import dev.vigil.job.config.KafkaOptions;
import dev.vigil.job.config.ValueType;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether a Kafka cluster answers, asked once before anything uses it. Kafka's clients wait for an absent
 * broker without end and without a word (a producer blocks each send, a consumer polls empty), so a wrong
 * address would otherwise look like a job or a publisher that hangs.
 *
 * <p>The question is the one every client asks first, the cluster's metadata, with the same client
 * settings (security included), so a broker that answers here answers the job's clients too.
 */
public final class KafkaReachability {

    private final String serversKey;
    private final String propertiesKey;

    /**
     * @param serversKey where the user gave the brokers, for the message (a config key or a command option)
     * @param propertiesKey where the user gives client settings such as security
     */
    public KafkaReachability(String serversKey, String propertiesKey) {
        this.serversKey = serversKey;
        this.propertiesKey = propertiesKey;
    }

    /** For the job: the brokers and settings come from {@code kafka.bootstrap-servers} and {@code kafka.properties}. */
    public static KafkaReachability ofConfig() {
        return new KafkaReachability(KafkaOptions.BOOTSTRAP_SERVERS.key(), KafkaOptions.PROPERTIES.key());
    }

    /** The problem, as one "key: message" line, when no broker of {@code connection} answers within {@code timeout}. */
    public Optional<String> problem(KafkaConnection connection, Duration timeout) {
        return problem(connection.bootstrapServers(), connection.clientProperties(), timeout);
    }

    /** The problem, as one "key: message" line, when no broker of {@code servers} answers within {@code timeout}. */
    public Optional<String> problem(String servers, Properties clientProperties, Duration timeout) {
        Properties admin = new Properties();
        admin.putAll(clientProperties);
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        Admin client;
        try {
            client = Admin.create(admin);
        } catch (KafkaException e) {
            // Refused before connecting: no address resolves, or a client setting is invalid.
            String key = String.valueOf(e.getMessage()).contains("bootstrap") ? serversKey : propertiesKey;
            return Optional.of(key + ": " + rootMessage(e) + " (brokers: " + servers + ")");
        }
        try {
            client.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).nodes()
                    // The admin client ends the call itself at the timeout; the margin only guards against a hang.
                    .get(millis + 5_000L, TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AuthenticationException || cause instanceof AuthorizationException) {
                return Optional.of(propertiesKey + ": the broker at " + servers + " refused this client: "
                        + rootMessage(cause));
            }
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                return Optional.of(noAnswer(servers, timeout));
            }
            return Optional.of(serversKey + ": cannot reach a broker at " + servers + ": " + rootMessage(cause));
        } catch (TimeoutException e) {
            return Optional.of(noAnswer(servers, timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(serversKey + ": interrupted while waiting for a broker at " + servers);
        } finally {
            // Without a zero timeout, closing waits for the connection attempts still under way.
            client.close(Duration.ZERO);
        }
    }

    private String noAnswer(String servers, Duration timeout) {
        return serversKey + ": no broker answered at " + servers + " within " + ValueType.text(timeout)
                + " (is it running and reachable from here? security settings go in " + propertiesKey + ")";
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}

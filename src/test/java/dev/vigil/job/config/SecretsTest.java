package dev.vigil.job.config;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void everyKeyFlinkTreatsAsSensitiveIsSecret() {
        assertThat(List.of("password", "ssl.truststore.password", "oauth.client-secret", "token",
                "fs.azure.account.key.vigil.blob.core.windows.net", "apikey", "auth-params", "service-key",
                "basic-auth"))
                .allSatisfy(key -> assertThat(Secrets.isSecret(key)).as(key).isTrue());
    }

    @Test
    void vigilsOwnSecretWordsToo() {
        assertThat(List.of("sasl.jaas.config", "api-key", "credentials-file", "ssl.private-key"))
                .allSatisfy(key -> assertThat(Secrets.isSecret(key)).as(key).isTrue());
    }

    @Test
    void ordinaryKeysAreNot() {
        assertThat(List.of("bootstrap.servers", "security.protocol", "name", "hosts", "username"))
                .allSatisfy(key -> assertThat(Secrets.isSecret(key)).as(key).isFalse());
    }

    @Test
    void nestedSecretsAndUrlPasswordsAreMasked() {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("properties", Map.of("basic-auth", "user:pw", "bootstrap.servers", "b:9092"));
        section.put("cameras", List.of(Map.of("url", "rtsp://cam:hunter2@10.0.0.9/live", "password", "hunter2")));

        String shown = String.valueOf(Secrets.masked(section));

        assertThat(shown).doesNotContain("hunter2").doesNotContain("user:pw").contains("b:9092")
                .contains(Secrets.MASK);
    }
}

package dev.vigil.sinks.elasticsearch;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElasticsearchSettingsTest {

    @Test
    void secretsNeverAppearInTheSettingsText() {
        ElasticsearchSettings basic = ElasticsearchSettings.builder()
                .host("https://es1:9200").host("https://es2:9200")
                .basicAuth("vigil", "s3cret-pass")
                .trustStore("/etc/vigil/trust.p12", "store-pass")
                .build();
        ElasticsearchSettings apiKey = ElasticsearchSettings.builder()
                .host("https://es1:9200").apiKey("QUJDOmRlZg==").build();

        assertThat(basic.toString())
                .contains("https://es1:9200", "https://es2:9200", "vigil", "/etc/vigil/trust.p12",
                        ElasticsearchSettings.MASK)
                .doesNotContain("s3cret-pass", "store-pass");
        assertThat(apiKey.toString()).doesNotContain("QUJDOmRlZg==").contains(ElasticsearchSettings.MASK);
    }

    @Test
    void fieldsAreCheckedAgainstEachOtherWithEveryProblemNamed() {
        assertThatThrownBy(() -> ElasticsearchSettings.builder()
                        .host("es1:9200")
                        .basicAuth("vigil", null)
                        .apiKey("key-text")
                        .indexPrefix("Vigil")
                        .backoff(Duration.ofSeconds(5), Duration.ofSeconds(1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'es1:9200' is not an http:// or https:// URL")
                .hasMessageContaining("username and password go together")
                .hasMessageContaining("give one kind of credentials: username/password, an API key or a bearer token")
                .hasMessageContaining("index-prefix: 'Vigil'")
                .hasMessageContaining("backoff: initial must be positive and not above max")
                .message().doesNotContain("key-text");
        assertThatThrownBy(() -> ElasticsearchSettings.builder().build())
                .hasMessageContaining("hosts: at least one host is needed");
        assertThatThrownBy(() -> ElasticsearchSettings.builder()
                        .host("http://es1:9200").trustStore("/trust.p12", "pw").build())
                .hasMessageContaining("TLS trust is set but some hosts use plain http://")
                .message().doesNotContain("pw");
        assertThatThrownBy(() -> ElasticsearchSettings.builder()
                        .host("https://es1:9200").trustStore(null, "hidden-pw").build())
                .hasMessageContaining("truststore-password: given without a truststore-path")
                .message().doesNotContain("hidden-pw");
    }

    @Test
    void anUnreadableTrustStoreIsNamedWithoutItsPassword() {
        ElasticsearchSettings settings = ElasticsearchSettings.builder()
                .host("https://es1:9200").trustStore("/no/such/trust.p12", "hidden-pw").build();

        assertThatThrownBy(settings::createClient)
                .hasMessageContaining("/no/such/trust.p12")
                .message().doesNotContain("hidden-pw");
    }
}

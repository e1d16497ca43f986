package dev.vigil.job.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code publish}'s options that need no broker. */
class PublishCommandTest {

    @Test
    void connectTimeoutIsWrittenAsInConfigFilesAndMustBePositive() {
        PublishCommand.DurationConverter converter = new PublishCommand.DurationConverter();

        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> converter.convert("0")).hasMessageContaining("expected a positive duration");
    }
}

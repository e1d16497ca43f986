package dev.vigil.models;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one place that keeps DJL offline: switched on before its engine starts, unless set explicitly. */
class OfflineRuntimeTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty("ai.djl.offline");
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("ai.djl.offline");
        } else {
            System.setProperty("ai.djl.offline", before);
        }
    }

    @Test
    void offlineUnlessSaidOtherwise() {
        System.clearProperty("ai.djl.offline");

        OfflineRuntime.ensureOffline();

        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    }

    @Test
    void anExplicitSettingWins() {
        System.setProperty("ai.djl.offline", "false");

        OfflineRuntime.ensureOffline();

        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("false");
    }
}

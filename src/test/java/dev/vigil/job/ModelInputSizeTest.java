package dev.vigil.job;

import dev.vigil.job.config.ConfigException;
import dev.vigil.job.config.ModelSection;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.models.ModelSettings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code model.input-size}: a square side or width x height, and a clear problem for anything else. */
class ModelInputSizeTest {

    private static ModelSettings settings(String size, List<String> problems) {
        VigilConfig config = VigilConfig.parse("t.yaml", "input: {paths: [a.mp4]}",
                Map.of("model.input-size", size));
        return ModelSection.settings(config, new java.util.ArrayList<>());
    }

    @Test
    void aSideOrWidthByHeightSetsTheInputSize() {
        List<String> problems = new ArrayList<>();

        assertThat(settings("416", problems).inputWidth()).isEqualTo(416);
        ModelSettings wide = settings("640x384", problems);

        assertThat(problems).isEmpty();
        assertThat(wide.inputWidth()).isEqualTo(640);
        assertThat(wide.inputHeight()).isEqualTo(384);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0x5", "640x0", "99999999999", "640 x 384", "big"})
    void anythingElseIsAProblemWithTheKeyNotACrash(String size) {
        assertThatThrownBy(() -> settings(size, new ArrayList<>()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.input-size: expected 416 or 640x384")
                .hasMessageContaining("'" + size + "'");
    }
}

package dev.vigil.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelCatalogueTest {

    private final ModelCatalogue catalogue = ModelCatalogue.standard();

    @Test
    void knowsTheShippedModels() {
        assertThat(catalogue.names()).containsExactly("nanodet-plus-m-320", "nanodet-plus-m-416", "yolov6lite-s",
                "yolov6lite-l", "yolov6n", "yolov6s", "yolov6m", "yolov6l", "damoyolo-t", "damoyolo-s", "damoyolo-m",
                "damoyolo-ns", "damoyolo-nm", "damoyolo-nl");
        CatalogueEntry entry = catalogue.require("nanodet-plus-m-416");
        assertThat(entry.familyId()).isEqualTo("nanodet-plus");
        assertThat(entry.inputWidth()).isEqualTo(416);
        assertThat(entry.mirrorFolder()).isEqualTo("nanodet-plus");
        assertThat(entry.classNames()).hasSize(80).startsWith("person", "bicycle", "car").endsWith("toothbrush");
        assertThat(catalogue.require("yolov6lite-s").download()).isEmpty();
        assertThat(catalogue.findByFileName("yolov6lite_l.onnx")).map(CatalogueEntry::name).contains("yolov6lite-l");
    }

    @Test
    void unknownNameListsTheKnownOnesAndSuggestsTheClosest() {
        assertThatThrownBy(() -> catalogue.require("nanodet-plus-m_320"))
                .isInstanceOf(UnknownModelException.class)
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("Did you mean 'nanodet-plus-m-320'?")
                .hasMessageContaining("nanodet-plus-m-416, yolov6lite-s, yolov6lite-l");
    }

    @Test
    void farOffNameGetsNoSuggestion() {
        assertThatThrownBy(() -> catalogue.require("resnet50"))
                .hasMessageNotContaining("Did you mean")
                .hasMessageContaining("Known models: nanodet-plus-m-320");
    }
}

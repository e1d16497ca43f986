package dev.vigil.models;

import dev.vigil.testing.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Running the real models from the mirror: batching, sharing, validation, timing. */
class DetectorsTest {

    @TempDir
    Path emptyModelDir;

    @ParameterizedTest
    @ValueSource(strings = {"nanodet-plus-m-320", "yolov6lite-s"})
    void aBatchGivesTheSameDetectionsAsSingleCalls(String model) {
        BgrImage bus = ImageFiles.readBgr(TestData.image("bus.jpg"));
        BgrImage dog = ImageFiles.readBgr(TestData.image("dog.jpg"));
        try (Detector detector = Detectors.open(TestData.modelFromMirror(model, emptyModelDir))) {
            List<DetectionResult> batch = detector.detect(List.of(bus, dog));
            List<DetectionResult> busAlone = detector.detect(List.of(bus));
            List<DetectionResult> dogAlone = detector.detect(List.of(dog));
            assertThat(batch).hasSize(2);
            assertThat(batch.get(0).batchSize()).isEqualTo(2);
            assertThat(batch.get(0).detections()).isNotEmpty().isEqualTo(busAlone.get(0).detections());
            assertThat(batch.get(1).detections()).isNotEmpty().isEqualTo(dogAlone.get(0).detections());
            assertThat(detector.detect(List.of())).isEmpty();
        }
    }

    @Test
    void handlesOfTheSameModelShareOneLoadedModelUntilTheLastCloses() {
        int before = Detectors.loadedModelCount();
        ModelSettings settings = TestData.modelFromMirror("yolov6lite-s", emptyModelDir).withIntraOpThreads(1);
        Detector first = Detectors.open(settings);
        Detector second = Detectors.open(settings);
        try {
            assertThat(Detectors.loadedModelCount()).isEqualTo(before + 1);
            BgrImage dog = ImageFiles.readBgr(TestData.image("dog.jpg"));
            assertThat(second.detect(List.of(dog)).get(0).detections())
                    .isEqualTo(first.detect(List.of(dog)).get(0).detections());
            first.close();
            assertThat(Detectors.loadedModelCount()).isEqualTo(before + 1);
            assertThat(second.detect(List.of(dog)).get(0).detections()).isNotEmpty();
        } finally {
            first.close();
            second.close();
        }
        assertThat(Detectors.loadedModelCount()).isEqualTo(before);
        assertThatThrownBy(() -> first.detect(List.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void checkDescribesTheVerifiedFileWithoutLoadingIt() {
        int before = Detectors.loadedModelCount();
        ModelDescription description = Detectors.check(TestData.modelFromMirror("nanodet-plus-m-416", emptyModelDir));
        assertThat(description.file().getFileName().toString()).isEqualTo("nanodet-plus-m_416.onnx");
        assertThat(description.family()).isEqualTo("nanodet-plus");
        assertThat(description.inputWidth()).isEqualTo(416);
        assertThat(description.checksumVerified()).isTrue();
        assertThat(description.toString()).contains("sha256 verified");
        assertThat(Detectors.loadedModelCount()).isEqualTo(before);
    }

    @Test
    void checkFailsWithTheLocatorsMessage() {
        ModelSettings nowhere = ModelSettings.named("yolov6lite-l").withModelDir(emptyModelDir)
                .withMirrorDir(emptyModelDir.resolve("no-mirror"));
        assertThatThrownBy(() -> Detectors.check(nowhere))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("no-mirror");
        assertThatThrownBy(() -> Detectors.check(ModelSettings.named("yolov6-lite-s")))
                .isInstanceOf(UnknownModelException.class)
                .hasMessageContaining("Did you mean 'yolov6lite-s'");
    }

    @Test
    void unreadableImageFileSaysWhich() {
        Path missing = emptyModelDir.resolve("missing.jpg");
        assertThatThrownBy(() -> ImageFiles.readBgr(missing)).hasMessageContaining(missing.toString());
    }

    /** Rough single-image latency of detect() (pre + inference + post) on bus.jpg, printed for the record. */
    @Test
    void measuresSingleImageLatency() {
        BgrImage bus = ImageFiles.readBgr(TestData.image("bus.jpg"));
        // The models with verified files in the mirror; the others have none to run.
        for (String model : ModelCatalogue.standard().entries().stream().filter(CatalogueEntry::pinned)
                .map(CatalogueEntry::name).toList()) {
            try (Detector detector = Detectors.open(TestData.modelFromMirror(model, emptyModelDir))) {
                for (int i = 0; i < 3; i++) {
                    detector.detect(List.of(bus));
                }
                List<Long> micros = new ArrayList<>();
                DetectionResult last = null;
                for (int i = 0; i < 15; i++) {
                    long start = System.nanoTime();
                    last = detector.detect(List.of(bus)).get(0);
                    micros.add((System.nanoTime() - start) / 1000);
                }
                long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf(Locale.ROOT, "%s detect(bus.jpg): median %.1f ms (pre %.1f, inference %.1f, post %.1f)"
                                + " over %s%n", model, sorted[sorted.length / 2] / 1000.0, last.preprocessMicros() / 1000.0,
                        last.inferenceMicros() / 1000.0, last.postprocessMicros() / 1000.0, Arrays.toString(sorted));
                assertThat(last.detections()).isNotEmpty();
            }
        }
    }
}

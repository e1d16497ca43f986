package dev.vigil.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.models.TinyOnnx.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The load-time contract check, family auto-detection and fixed-batch splitting, on tiny ONNX
 * graphs written at test time with the exact tensor layouts of each family's exports.
 */
class ModelContractTest {

    @TempDir
    Path temp;

    private Path model(String file, int batch, int size, Output... outputs) throws IOException {
        return TinyOnnx.write(temp.resolve(file), batch, size, size, List.of(outputs));
    }

    private Path nanoDet320() throws IOException {
        return model("nanodet-like.onnx", 0, 320, Output.zeros("output", 2125, 112));
    }

    private Path yoloV6Lite320() throws IOException {
        return model("yolov6-like.onnx", 0, 320, Output.zeros("outputs", 2125, 85));
    }

    private Path names(int count) throws IOException {
        return Files.writeString(temp.resolve("names-" + count + ".txt"),
                IntStream.range(0, count).mapToObj(i -> "thing" + i).collect(Collectors.joining("\n", "", "\n")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "nanodet-plus, 320, 0, output:2125x112",
        "yolov6, 320, 0, outputs:2125x85",
        "yolov6, 640, 0, outputs:8400x85",
        "damo-yolo, 416, 1, scores:3549x80 boxes:3549x4",
        "damo-yolo, 640, 1, boxes:8400x4 scores:8400x80",
        "yolov4-tiny, 416, 0, out32:255x13x13 out16:255x26x26",
        "yolov4-tiny, 416, 1, boxes:2535x1x4 confs:2535x80",
        "yolo-ret, 416, 0, h32:13x13x255 h16:26x26x255 h8:52x52x255",
        "yolo-ret, 416, 0, h8:255x52x52 h16:255x26x26 h32:255x13x13",
    })
    void theFamilyIsDetectedFromTheOutputLayoutAndTheContractHolds(String family, int size, int batch,
            String layout) throws IOException {
        Output[] outputs = parse(layout);
        Path file = model(family + "-" + size + "-" + outputs.length + "-" + layout.hashCode() + ".onnx", batch, size,
                outputs);
        ModelDescription detected = Detectors.check(ModelSettings.file(file));
        assertThat(detected.family()).isEqualTo(family);
        assertThat(detected.familySource()).isEqualTo("detected from the output layout");
        assertThat(detected.inputWidth()).isEqualTo(size);
        assertThat(detected.classCount()).isEqualTo(80);
        assertThat(detected.fixedBatch()).isEqualTo(batch);
        assertThat(detected.checksumNote()).isEqualTo("not a catalogue file: checksum not checked");
        assertThat(detected.toString()).contains(family + " detected from the output layout");

        ModelDescription declared = Detectors.check(ModelSettings.file(file).withFamily(family));
        assertThat(declared.familySource()).isEqualTo("settings");
    }

    private static Output[] parse(String layout) {
        return java.util.Arrays.stream(layout.split(" ")).map(spec -> {
            String[] parts = spec.split(":");
            long[] dims = java.util.Arrays.stream(parts[1].split("x")).mapToLong(Long::parseLong).toArray();
            return Output.zeros(parts[0], dims);
        }).toArray(Output[]::new);
    }

    @Test
    void aYoloV6FileDeclaredAsNanoDetIsRejectedNamingExpectedAndActualTensors() throws IOException {
        Path file = yoloV6Lite320();
        assertThatThrownBy(() -> Detectors.check(ModelSettings.file(file).withFamily("nanodet-plus")))
                .isInstanceOf(ModelContractException.class)
                .hasMessageContaining("does not fit family 'nanodet-plus' (settings) at 320x320 with 80 classes")
                .hasMessageContaining("expected: input [B, 3, 320, 320] float; outputs [B, 2125, 112]")
                .hasMessageContaining("actual:   inputs 'images' [B, 3, 320, 320] float; outputs 'outputs' [B, 2125, 85] float")
                .hasMessageContaining("the file fits family yolov6");
        // Opening fails the same way, before any model is loaded for inference.
        int before = Detectors.loadedModelCount();
        assertThatThrownBy(() -> Detectors.open(ModelSettings.file(file).withFamily("nanodet-plus")))
                .isInstanceOf(ModelContractException.class);
        assertThat(Detectors.loadedModelCount()).isEqualTo(before);
    }

    @Test
    void aNanoDetFileUnderACatalogueNameOfAnotherFamilyIsRejected() throws IOException {
        Path file = nanoDet320();
        assertThatThrownBy(() -> Detectors.check(ModelSettings.named("yolov6lite-s").withPath(file)))
                .isInstanceOf(ModelContractException.class)
                .hasMessageContaining("family 'yolov6' (catalogue)")
                .hasMessageContaining("outputs [B, 2100, 85] or [B, 2125, 85]")
                .hasMessageContaining("'output' [B, 2125, 112]")
                .hasMessageContaining("the file fits family nanodet-plus");
    }

    @Test
    void a416ModelDeclaredAs320IsRejected() throws IOException {
        Path file = model("nanodet-416.onnx", 0, 416, Output.zeros("output", 3598, 112));
        assertThat(Detectors.check(ModelSettings.file(file)).inputWidth()).isEqualTo(416);
        assertThatThrownBy(() -> Detectors.check(ModelSettings.file(file).withFamily("nanodet-plus")
                .withInputSize(320, 320)))
                .isInstanceOf(ModelContractException.class)
                .hasMessageContaining("input 'images' [B, 3, 416, 416] float is not [B, 3, 320, 320]")
                .hasMessageContaining("outputs [B, 2125, 112]")
                .hasMessageContaining("[B, 3598, 112]");
    }

    @Test
    void aClassifierIsNoDetectorOfAnyFamily() throws IOException {
        Path file = model("classifier.onnx", 0, 224, Output.zeros("logits", 1000));
        assertThatThrownBy(() -> Detectors.check(ModelSettings.file(file).withFamily("yolov6")))
                .isInstanceOf(ModelContractException.class)
                .hasMessageContaining("'logits' [B, 1000]");
        assertThatThrownBy(() -> Detectors.check(ModelSettings.file(file)))
                .isInstanceOf(ModelContractException.class)
                .hasMessageContaining("cannot tell the family")
                .hasMessageContaining("fit none of the known layouts")
                .hasMessageContaining("damo-yolo: input [B, 3, 224, 224] float; outputs")
                .hasMessageContaining("Set the model family");
    }

    @Test
    void anAmbiguousLayoutListsTheCandidatesAndAsksForTheFamily() throws IOException {
        // 2125 rows of 117 columns: NanoDet-Plus with 85 classes or YOLOv6-Lite with 112.
        Path file = model("ambiguous.onnx", 0, 320, Output.zeros("output", 2125, 117));
        assertThatThrownBy(() -> Detectors.check(ModelSettings.file(file)))
                .isInstanceOf(ModelContractException.class)
                .hasMessageContaining("nanodet-plus (85 classes)")
                .hasMessageContaining("yolov6 (112 classes)")
                .hasMessageContaining("Set the model family");
        // A names file settles it.
        ModelDescription settled = Detectors.check(ModelSettings.file(file).withNamesFile(names(112)));
        assertThat(settled.family()).isEqualTo("yolov6");
        assertThat(settled.classCount()).isEqualTo(112);
    }

    @Test
    void classNamesMustMatchTheModelsClassCount() throws IOException {
        Path file = nanoDet320();
        assertThatThrownBy(() -> Detectors.check(ModelSettings.file(file).withFamily("nanodet-plus")
                .withNamesFile(names(3))))
                .isInstanceOf(ModelContractException.class)
                .hasMessageContaining("has 80 classes (as a nanodet-plus model")
                .hasMessageContaining("but 3 class names were given")
                .hasMessageContaining("names-3.txt");
        Path darknetNames = Files.writeString(temp.resolve("coco.names"),
                String.join("\n", ModelCatalogue.COCO_CLASSES) + "\n");
        assertThat(Detectors.check(ModelSettings.file(file).withNamesFile(darknetNames)).classCount()).isEqualTo(80);
    }

    @Test
    void aDynamicInputSizeNeedsTheSizeSet() throws IOException {
        Path file = TinyOnnx.write(temp.resolve("dynamic.onnx"), 0, -1, -1, List.of(Output.zeros("outputs", 2125, 85)));
        assertThatThrownBy(() -> Detectors.check(ModelSettings.file(file)))
                .isInstanceOf(ModelContractException.class)
                .hasMessageContaining("dynamic input size");
        assertThat(Detectors.check(ModelSettings.file(file).withInputSize(320, 320)).family()).isEqualTo("yolov6");
    }

    /**
     * DAMO-YOLO's official exports fix the batch at 1: a batch of three images must give exactly the
     * detections of three single calls. The graph's scores and boxes depend on each image's mean.
     */
    @Test
    void aFixedBatchOfOneModelRunsABatchOfThreeAsThreeCalls() throws IOException {
        int size = 64;
        int rows = 64 + 16 + 4;
        float[] scoreBias = new float[rows * 2];
        float[] scoreGain = new float[rows * 2];
        float[] boxBias = new float[rows * 4];
        float[] boxGain = new float[rows * 4];
        for (int r = 0; r < rows; r++) {
            scoreBias[2 * r + (r % 2)] = 0.3f + 0.005f * r;
            scoreGain[2 * r + (r % 2)] = 0.002f;
            float x = (r * 7) % 48;
            float y = (r * 13) % 48;
            boxBias[4 * r] = x;
            boxBias[4 * r + 1] = y;
            boxBias[4 * r + 2] = x + 8;
            boxBias[4 * r + 3] = y + 8;
            boxGain[4 * r + 2] = 0.02f;
            boxGain[4 * r + 3] = 0.01f;
        }
        Path file = model("damo-fixed.onnx", 1, size, new Output("scores", new long[] {rows, 2}, scoreBias, scoreGain),
                new Output("boxes", new long[] {rows, 4}, boxBias, boxGain));
        ModelSettings settings = ModelSettings.file(file).withNamesFile(names(2)).withThresholds(0.5f, 0.5f, 100);
        assertThat(Detectors.check(settings).fixedBatch()).isEqualTo(1);
        assertThat(Detectors.check(settings).family()).isEqualTo("damo-yolo");

        List<BgrImage> images = List.of(uniform(80, 60, 20), uniform(100, 50, 120), uniform(64, 64, 250));
        try (Detector detector = Detectors.open(settings)) {
            List<DetectionResult> batch = detector.detect(images);
            assertThat(batch).hasSize(3);
            assertThat(batch.get(0).batchSize()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                List<Detection> alone = detector.detect(List.of(images.get(i))).get(0).detections();
                assertThat(batch.get(i).detections()).isNotEmpty().isEqualTo(alone);
            }
            // The images differ, so do their detections: the slices were not mixed up.
            assertThat(batch.get(0).detections()).isNotEqualTo(batch.get(2).detections());
        }
    }

    private static BgrImage uniform(int width, int height, int value) {
        byte[] pixels = new byte[width * height * 3];
        java.util.Arrays.fill(pixels, (byte) value);
        return new BgrImage(width, height, pixels);
    }
}

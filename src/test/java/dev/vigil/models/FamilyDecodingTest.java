package dev.vigil.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.models.family.AnchorYoloFamily;
import dev.vigil.models.family.DamoYolo;
import dev.vigil.models.family.ModelFamily;
import dev.vigil.models.family.YoloRet;
import dev.vigil.models.family.YoloV4Tiny;
import dev.vigil.models.processing.AnchorHead;
import dev.vigil.models.processing.InputGeometry;
import dev.vigil.models.processing.OutputTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each family without local weights decodes outputs of its exact upstream layout: known boxes in
 * source-image pixels are mapped into the model input with the family's own geometry, encoded the
 * way the model would emit them (inverse sigmoid, log of size over anchor, normalised corners...)
 * and must come back through the shared pipeline (decode, NMS, back to the source image) at the
 * same place, for every head, for batches of two, with letterbox offsets on non-square images.
 */
class FamilyDecodingTest {

    private static final int CLASSES = 80;
    private static final float LOGIT = 4f;
    private static final float SIG = (float) (1 / (1 + Math.exp(-LOGIT)));

    /** A box in source pixels with its class. */
    record Box(int classId, float x1, float y1, float x2, float y2) {}

    private static List<Detection> decode(ModelFamily family, int size, List<OutputTensor> outputs, int image,
            InputGeometry geometry) {
        DetectionPipeline pipeline = new DetectionPipeline(family.inputRecipe(size, size),
                family.outputDecoder(size, size, CLASSES), family.defaults(), ModelCatalogue.COCO_CLASSES);
        List<Detection> detections = new ArrayList<>(pipeline.postprocess(outputs, image, geometry));
        detections.sort(Comparator.comparing(Detection::x1));
        return detections;
    }

    private static void assertFound(List<Detection> detections, float score, Box... expected) {
        List<Box> sorted = new ArrayList<>(List.of(expected));
        sorted.sort(Comparator.comparing(Box::x1));
        assertThat(detections).hasSize(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Detection d = detections.get(i);
            Box b = sorted.get(i);
            assertThat(d.classId()).isEqualTo(b.classId());
            assertThat(d.label()).isEqualTo(ModelCatalogue.COCO_CLASSES.get(b.classId()));
            assertThat(d.score()).isCloseTo(score, within(1e-3f));
            assertThat(new float[] {d.x1(), d.y1(), d.x2(), d.y2()})
                    .containsExactly(new float[] {b.x1(), b.y1(), b.x2(), b.y2()}, within(0.05f));
        }
    }

    // ---- raw anchor heads (YOLOv4-tiny, YOLO-ReT) ----

    private static float logit(float p) {
        return (float) Math.log(p / (1 - p));
    }

    /** An empty head output (every objectness far below any threshold). */
    private static OutputTensor head(String name, AnchorHead head, int size, int batch, boolean nchw) {
        int cells = head.cells(size);
        int channels = head.anchorCount() * (5 + CLASSES);
        long[] shape = nchw ? new long[] {batch, channels, cells, cells} : new long[] {batch, cells, cells, channels};
        float[] data = new float[batch * channels * cells * cells];
        Arrays.fill(data, -10f);
        return new OutputTensor(name, shape, data);
    }

    /** Writes {@code box} (source pixels) into {@code tensor} as the head's prediction for {@code anchor}. */
    private static void encode(OutputTensor tensor, AnchorHead head, int anchor, int image, InputGeometry g, Box box) {
        boolean nchw = tensor.shape()[1] == (long) head.anchorCount() * (5 + CLASSES);
        float x1 = g.toInputX(box.x1());
        float y1 = g.toInputY(box.y1());
        float x2 = g.toInputX(box.x2());
        float y2 = g.toInputY(box.y2());
        float cx = (x1 + x2) / 2 / head.stride();
        float cy = (y1 + y2) / 2 / head.stride();
        int column = (int) Math.floor(cx);
        int row = (int) Math.floor(cy);
        float shift = (head.scaleXY() - 1) / 2;
        int cells = head.cells(g.inputWidth());
        int channels = head.anchorCount() * (5 + CLASSES);
        float[] values = new float[5 + CLASSES];
        Arrays.fill(values, -10f);
        values[0] = logit((cx - column + shift) / head.scaleXY());
        values[1] = logit((cy - row + shift) / head.scaleXY());
        values[2] = (float) Math.log((x2 - x1) / head.anchorWidth(anchor));
        values[3] = (float) Math.log((y2 - y1) / head.anchorHeight(anchor));
        values[4] = LOGIT;
        values[5 + box.classId()] = LOGIT;
        for (int k = 0; k < values.length; k++) {
            int channel = anchor * (5 + CLASSES) + k;
            int index = nchw ? ((image * channels + channel) * cells + row) * cells + column
                    : ((image * cells + row) * cells + column) * channels + channel;
            tensor.data()[index] = values[k];
        }
    }

    @Test
    void yoloV4TinyRawHeadsDecodeBothScalesWithScaleXYForEachImageOfABatch() {
        YoloV4Tiny family = YoloV4Tiny.INSTANCE;
        List<AnchorHead> heads = family.heads();
        assertThat(heads).extracting(AnchorHead::stride).containsExactly(32, 16);
        assertThat(heads.get(0).anchorWidth(1)).isEqualTo(135f); // mask 3,4,5 -> anchor 4
        assertThat(heads.get(1).anchorWidth(0)).isEqualTo(23f); // mask 1,2,3 -> anchor 1
        // Stretch: 832x624 -> 416x416.
        InputGeometry g = family.inputRecipe(416, 416).geometry(832, 624);
        OutputTensor coarse = head("out32", heads.get(0), 416, 2, true);
        OutputTensor fine = head("out16", heads.get(1), 416, 2, true);
        Box person = new Box(0, 100, 150, 400, 450);
        Box car = new Box(2, 600, 300, 680, 360);
        Box dog = new Box(16, 20, 30, 90, 120);
        encode(coarse, heads.get(0), 1, 0, g, person);
        encode(fine, heads.get(1), 0, 0, g, car);
        encode(fine, heads.get(1), 2, 1, g, dog);
        // Outputs in either order.
        assertFound(decode(family, 416, List.of(fine, coarse), 0, g), SIG * SIG, person, car);
        assertFound(decode(family, 416, List.of(coarse, fine), 1, g), SIG * SIG, dog);
    }

    @Test
    void yoloV4TinyConvertedLayoutDecodesNormalisedCornersAndReadyScores() {
        YoloV4Tiny family = YoloV4Tiny.INSTANCE;
        InputGeometry g = family.inputRecipe(416, 416).geometry(832, 624);
        int rows = 3 * (13 * 13 + 26 * 26);
        float[] boxes = new float[2 * rows * 4];
        float[] confs = new float[2 * rows * CLASSES];
        Box person = new Box(0, 100, 150, 400, 450);
        Box car = new Box(2, 600, 300, 680, 360);
        putCorners(boxes, confs, rows, 0, 10, g, person, 0.8f, 416);
        putCorners(boxes, confs, rows, 0, 2000, g, car, 0.7f, 416);
        putCorners(boxes, confs, rows, 1, 2534, g, car, 0.9f, 416);
        List<OutputTensor> outputs = List.of(new OutputTensor("boxes", new long[] {2, rows, 1, 4}, boxes),
                new OutputTensor("confs", new long[] {2, rows, CLASSES}, confs));
        List<Detection> first = decode(family, 416, outputs, 0, g);
        assertThat(first).extracting(Detection::score).containsExactly(0.8f, 0.7f);
        assertFound(first.subList(0, 1), 0.8f, person);
        assertFound(first.subList(1, 2), 0.7f, car);
        assertFound(decode(family, 416, outputs, 1, g), 0.9f, car);
    }

    /** Corners of {@code box} in input pixels divided by {@code normaliser} (1 = pixels) at a row. */
    private static void putCorners(float[] boxes, float[] scores, int rows, int image, int row, InputGeometry g,
            Box box, float score, float normaliser) {
        int b = (image * rows + row) * 4;
        boxes[b] = g.toInputX(box.x1()) / normaliser;
        boxes[b + 1] = g.toInputY(box.y1()) / normaliser;
        boxes[b + 2] = g.toInputX(box.x2()) / normaliser;
        boxes[b + 3] = g.toInputY(box.y2()) / normaliser;
        scores[(image * rows + row) * CLASSES + box.classId()] = score;
    }

    @ParameterizedTest(name = "NCHW heads: {0}")
    @ValueSource(booleans = {true, false})
    void yoloRetHeadsDecodeAllThreeScalesThroughTheLetterbox(boolean nchw) {
        YoloRet family = YoloRet.INSTANCE;
        List<AnchorHead> heads = family.heads();
        assertThat(heads).extracting(AnchorHead::stride).containsExactly(32, 16, 8);
        assertThat(heads.get(0).anchorWidth(2)).isEqualTo(373f);
        assertThat(heads.get(2).anchorWidth(0)).isEqualTo(10f);
        // 640x480 letterboxed into 416x416: scale 0.65, 52 rows of grey 128 above and below.
        InputGeometry g = family.inputRecipe(416, 416).geometry(640, 480);
        assertThat(g.padTop()).isEqualTo(52);
        assertThat(g.padLeft()).isZero();
        List<OutputTensor> outputs = new ArrayList<>();
        for (AnchorHead head : heads) {
            outputs.add(head("head" + head.stride(), head, 416, 2, nchw));
        }
        Box bus = new Box(5, 40, 60, 600, 420);
        Box person = new Box(0, 300, 200, 340, 290);
        Box cup = new Box(41, 500, 400, 515, 425);
        Box cat = new Box(15, 10, 10, 70, 100);
        encode(outputs.get(0), heads.get(0), 2, 0, g, bus);
        encode(outputs.get(1), heads.get(1), 0, 0, g, person);
        encode(outputs.get(2), heads.get(2), 1, 0, g, cup);
        encode(outputs.get(1), heads.get(1), 2, 1, g, cat);
        assertFound(decode(family, 416, outputs, 0, g), SIG * SIG, bus, person, cup);
        assertFound(decode(family, 416, List.of(outputs.get(2), outputs.get(0), outputs.get(1)), 1, g), SIG * SIG,
                cat);
    }

    @Test
    void anchorFamiliesReadTheClassCountFromEitherHeadLayout() {
        AnchorYoloFamily family = YoloRet.INSTANCE;
        List<dev.vigil.models.family.TensorShape> nhwc = List.of(
                dev.vigil.models.family.TensorShape.of(1, 13, 13, 3 * 25),
                dev.vigil.models.family.TensorShape.of(1, 26, 26, 3 * 25),
                dev.vigil.models.family.TensorShape.of(1, 52, 52, 3 * 25));
        assertThat(family.classCount(nhwc)).isEqualTo(20);
        assertThat(YoloV4Tiny.INSTANCE.classCount(nhwc)).isEqualTo(-1);
    }

    // ---- DAMO-YOLO ----

    @Test
    void damoYoloScoresAndPixelCornersMapBackThroughTheStretch() {
        DamoYolo family = DamoYolo.INSTANCE;
        // Stretch: 1280x720 -> 640x640.
        InputGeometry g = family.inputRecipe(640, 640).geometry(1280, 720);
        assertThat(g.scaleX()).isEqualTo(0.5);
        int rows = 80 * 80 + 40 * 40 + 20 * 20;
        float[] boxes = new float[2 * rows * 4];
        float[] scores = new float[2 * rows * CLASSES];
        Box truck = new Box(7, 100, 100, 700, 500);
        Box bird = new Box(14, 1000, 50, 1040, 80);
        putCorners(boxes, scores, rows, 0, 3, g, truck, 0.9f, 1);
        putCorners(boxes, scores, rows, 0, 8399, g, bird, 0.5f, 1); // below the 0.6 default
        putCorners(boxes, scores, rows, 1, 4000, g, bird, 0.75f, 1);
        List<OutputTensor> outputs = List.of(new OutputTensor("scores", new long[] {2, rows, CLASSES}, scores),
                new OutputTensor("boxes", new long[] {2, rows, 4}, boxes));
        assertFound(decode(family, 640, outputs, 0, g), 0.9f, truck);
        assertFound(decode(family, 640, List.of(outputs.get(1), outputs.get(0)), 1, g), 0.75f, bird);
    }

    @Test
    void damoYoloTakesRawPixelValuesInRgbOrder() {
        var recipe = DamoYolo.INSTANCE.inputRecipe(32, 32);
        byte[] pixels = new byte[64 * 64 * 3];
        for (int i = 0; i < pixels.length; i += 3) {
            pixels[i] = (byte) 10; // B
            pixels[i + 1] = (byte) 20; // G
            pixels[i + 2] = (byte) 200; // R
        }
        float[] input = new float[recipe.valuesPerImage()];
        recipe.fill(64, 64, pixels, input, 0);
        assertThat(input[0]).isEqualTo(200f);
        assertThat(input[32 * 32]).isEqualTo(20f);
        assertThat(input[2 * 32 * 32]).isEqualTo(10f);
    }
}

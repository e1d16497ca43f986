package dev.vigil.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.models.ModelCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading COCO ground truth, writing and reading COCO results, and mapping class ids to categories. */
class CocoFilesTest {

    @TempDir
    Path dir;

    private static final String SMALL_COCO = """
            {"images": [{"id": 9, "file_name": "000000000009.jpg", "width": 640, "height": 480},
                        {"id": 25, "file_name": "000000000025.jpg", "width": 640, "height": 426}],
             "annotations": [
               {"id": 1, "image_id": 9, "category_id": 1, "bbox": [1.5, 2, 30, 40], "area": 1000.5, "iscrowd": 0},
               {"id": 2, "image_id": 9, "category_id": 3, "bbox": [100, 100, 50, 50], "iscrowd": 1},
               {"id": 3, "image_id": 25, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 80}],
             "categories": [{"id": 1, "name": "person"}, {"id": 3, "name": "car"}]}
            """;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsImagesAnnotationsAndCategories() throws Exception {
        CocoDataset dataset = CocoDataset.read(write("gt.json", SMALL_COCO));

        assertThat(dataset.images()).containsExactly(new CocoImage(9, "000000000009.jpg", 640, 480),
                new CocoImage(25, "000000000025.jpg", 640, 426));
        assertThat(dataset.categories()).extracting(CocoCategory::name).containsExactly("person", "car");
        CocoAnnotation first = dataset.annotations().get(0);
        assertThat(first.bbox()).isEqualTo(new Box(1.5, 2, 30, 40));
        assertThat(first.area()).isEqualTo(1000.5);
        assertThat(first.crowd()).isFalse();
        CocoAnnotation crowd = dataset.annotations().get(1);
        assertThat(crowd.crowd()).isTrue();
        assertThat(crowd.area()).as("no area field: the box area").isEqualTo(2500);
        assertThat(dataset.restrictedTo(List.of(25L)).annotations()).extracting(CocoAnnotation::id)
                .containsExactly(3L);
    }

    @Test
    void invalidJsonSaysWhere() throws Exception {
        Path file = write("broken.json", "{\"images\": [\n  {\"id\": 1,, }\n]}");
        assertThatThrownBy(() -> CocoDataset.read(file))
                .isInstanceOf(CocoFormatException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 2");
    }

    @Test
    void aMissingFieldIsNamedWithItsEntry() throws Exception {
        Path file = write("gt.json", SMALL_COCO.replace("\"bbox\": [0, 0, 10, 10], ", ""));
        assertThatThrownBy(() -> CocoDataset.read(file))
                .isInstanceOf(CocoFormatException.class)
                .hasMessageContaining("annotations[2] has no 'bbox'");
    }

    @Test
    void missingFileAndMissingListsAreReported() throws Exception {
        assertThatThrownBy(() -> CocoDataset.read(dir.resolve("nope.json")))
                .hasMessageContaining("nope.json").hasMessageContaining("does not exist");
        Path noCategories = write("gt.json", "{\"images\": [], \"annotations\": []}");
        assertThatThrownBy(() -> CocoDataset.read(noCategories)).hasMessageContaining("'categories'");
    }

    @Test
    void anAnnotationOfAnUnknownImageIsRefused() throws Exception {
        Path file = write("gt.json", SMALL_COCO.replace("\"image_id\": 25", "\"image_id\": 26"));
        assertThatThrownBy(() -> CocoDataset.read(file)).hasMessageContaining("image 26");
    }

    @Test
    void resultsFileIsAStandardCocoListAndReadsBackTheSame() throws Exception {
        List<CocoDetection> detections = List.of(
                CocoResults.rounded(9, 1, Box.fromCorners(1.234, 2.345, 50.5, 60.25), 0.87654321),
                CocoResults.rounded(25, 90, new Box(0, 0, 10, 10), 0.001));
        Path file = dir.resolve("out/results.json");

        CocoResults.write(file, detections);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(2);
        JsonNode first = json.get(0);
        assertThat(first.get("image_id").asLong()).isEqualTo(9);
        assertThat(first.get("category_id").asInt()).isEqualTo(1);
        assertThat(first.get("bbox").toString()).isEqualTo("[1.23,2.35,49.27,57.91]");
        assertThat(first.get("score").asDouble()).isEqualTo(0.876543);
        assertThat(first.size()).isEqualTo(4);
        assertThat(CocoResults.read(file)).isEqualTo(detections);
    }

    @Test
    void resultsEvaluateTheSameAfterTheRoundTrip() throws Exception {
        CocoDataset dataset = CocoDataset.read(write("gt.json", SMALL_COCO));
        List<CocoDetection> detections = List.of(
                CocoResults.rounded(9, 1, new Box(1.5, 2, 30, 40), 0.9),
                CocoResults.rounded(25, 1, new Box(0, 0, 9, 10), 0.8),
                CocoResults.rounded(25, 3, new Box(300, 300, 9, 10), 0.7));
        Path file = dir.resolve("results.json");
        CocoResults.write(file, detections);

        assertThat(CocoEvaluator.evaluate(dataset, CocoResults.read(file)).stats())
                .containsExactly(CocoEvaluator.evaluate(dataset, detections).stats());
    }

    @Test
    void badResultsEntriesAreNamed() throws Exception {
        Path file = write("results.json", "[{\"image_id\": 9, \"category_id\": 1, \"bbox\": [1, 2, 3], \"score\": 1}]");
        assertThatThrownBy(() -> CocoResults.read(file)).hasMessageContaining("[0].bbox");
    }

    @Test
    void classIdsMapToCategoryIdsByName() {
        List<CocoCategory> categories = List.of(new CocoCategory(1, "person"), new CocoCategory(2, "bicycle"),
                new CocoCategory(10, "traffic light"), new CocoCategory(90, "toothbrush"));

        CategoryMapping mapping = CategoryMapping.byName(List.of("person", "traffic_light", "Toothbrush"), categories);

        assertThat(mapping.categoryId(0)).isEqualTo(1);
        assertThat(mapping.categoryId(1)).isEqualTo(10);
        assertThat(mapping.categoryId(2)).isEqualTo(90);
        assertThatThrownBy(() -> mapping.categoryId(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClassWithNoCategoryOfItsNameIsNamed() {
        List<CocoCategory> categories = List.of(new CocoCategory(1, "person"), new CocoCategory(4, "motorcycle"));
        assertThatThrownBy(() -> CategoryMapping.byName(List.of("person", "motorbike"), categories))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 'motorbike'");
    }

    @Test
    void theCatalogueClassNamesAreCocosOfficialOnes() {
        // COCO's 80 categories in id order (ids 1..90 with gaps) are exactly the models' 80 classes.
        int[] cocoIds = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
            27, 28, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 46, 47, 48, 49, 50, 51, 52, 53, 54,
            55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 67, 70, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 84,
            85, 86, 87, 88, 89, 90};
        List<String> names = ModelCatalogue.COCO_CLASSES;
        List<CocoCategory> categories = new java.util.ArrayList<>();
        for (int i = 0; i < cocoIds.length; i++) {
            categories.add(new CocoCategory(cocoIds[i], names.get(i)));
        }
        java.util.Collections.reverse(categories); // order in the file does not matter

        CategoryMapping mapping = CategoryMapping.byName(names, categories);

        assertThat(mapping.categoryId(0)).isEqualTo(1);
        assertThat(mapping.categoryId(names.indexOf("stop sign"))).isEqualTo(13);
        assertThat(mapping.categoryId(79)).isEqualTo(90);
    }
}

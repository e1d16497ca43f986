package dev.vigil.models.eval;

import dev.vigil.models.BgrImage;
import dev.vigil.models.ImageFiles;
import dev.vigil.testing.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CocoMosaicsTest {

    @TempDir
    Path out;

    @Test
    void imagesArePackedInShelvesAndANewMosaicStartsWhenOneIsFull() {
        List<CocoImage> images = List.of(new CocoImage(3, "c.jpg", 200, 100), new CocoImage(1, "a.jpg", 200, 100),
                new CocoImage(2, "b.jpg", 200, 100), new CocoImage(4, "d.jpg", 200, 100));
        // Scales 1 and 0.5 in turn on a 400x240 canvas, at most 3 images per mosaic; 8 px gaps.
        List<CocoMosaics.Placement> placed = CocoMosaics.place(images,
                new CocoMosaics.Layout(400, 240, new double[] {1.0, 0.5}, 3));
        assertThat(placed).extracting(p -> p.source().id()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(placed.get(0)).extracting("mosaic", "x", "y", "width", "height").containsExactly(0, 8, 8, 200, 100);
        assertThat(placed.get(1)).extracting("mosaic", "x", "y", "width", "height").containsExactly(0, 216, 8, 100, 50);
        // Does not fit beside them: a new shelf under the tallest image of the first.
        assertThat(placed.get(2)).extracting("mosaic", "x", "y", "width", "height").containsExactly(0, 8, 116, 200, 100);
        // Three on the first mosaic: the fourth starts the second.
        assertThat(placed.get(3)).extracting("mosaic", "x", "y", "width", "height").containsExactly(1, 8, 8, 100, 50);
    }

    @Test
    void annotationsMoveAndScaleWithTheirImages() {
        CocoDataset coco128 = CocoDataset.read(TestData.data("coco/coco128/annotations/instances_train2017.json"));
        CocoDataset two = coco128.restrictedTo(List.of(9L, 25L));
        CocoDataset mosaics = CocoMosaics.build(two, TestData.data("coco/coco128/images/train2017"),
                new CocoMosaics.Layout(1600, 900, new double[] {0.5, 1.0}, 4), out);

        assertThat(mosaics.images()).containsExactly(new CocoImage(1, "mosaic-000.jpg", 1600, 900));
        assertThat(mosaics.annotations()).hasSameSizeAs(two.annotations());
        BgrImage written = ImageFiles.readBgr(out.resolve("images").resolve("mosaic-000.jpg"));
        assertThat(written.width()).isEqualTo(1600);
        // Image 9 (640x480) comes first at half size at (8, 8); its first annotation moves with it.
        CocoImage nine = two.images().stream().filter(i -> i.id() == 9).findFirst().orElseThrow();
        CocoAnnotation original = two.annotations().stream().filter(a -> a.imageId() == 9).findFirst().orElseThrow();
        CocoAnnotation moved = mosaics.annotations().get(0);
        double scale = 320.0 / nine.width();
        assertThat(moved.categoryId()).isEqualTo(original.categoryId());
        assertThat(moved.bbox().x()).isCloseTo(8 + original.bbox().x() * scale, within(1e-9));
        assertThat(moved.bbox().y()).isCloseTo(8 + original.bbox().y() * (double) Math.round(nine.height() * 0.5)
                / nine.height(), within(1e-9));
        assertThat(moved.bbox().width()).isCloseTo(original.bbox().width() * scale, within(1e-9));
        assertThat(moved.area()).isCloseTo(original.area() * scale * Math.round(nine.height() * 0.5) / nine.height(),
                within(1e-6));

        CocoMosaics.writeAnnotations(mosaics, out.resolve("annotations.json"));
        CocoDataset reread = CocoDataset.read(out.resolve("annotations.json"));
        assertThat(reread.annotations()).hasSameSizeAs(mosaics.annotations());
        assertThat(reread.images()).isEqualTo(mosaics.images());
    }
}

package dev.vigil.models.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small-object benchmark made from a COCO dataset: its images, each scaled by the next factor of a cycle, are
 * packed side by side onto large canvases (2560x1440, say), and their annotations are moved and scaled with them.
 * Shrunk images make small objects of what were medium and large ones; the larger factors keep large objects in
 * the set, so a method that finds small objects at the cost of large ones shows it.
 */
public final class CocoMosaics {

    /** Between images on a canvas, so that no object touches another image's. */
    private static final int GAP = 8;
    /** The canvas colour: YOLO's letterbox grey. */
    private static final Color BACKGROUND = new Color(114, 114, 114);

    private CocoMosaics() {}

    /**
     * @param canvasWidth width of each mosaic
     * @param canvasHeight height of each mosaic
     * @param scales factors applied to the source images in turn (image i gets {@code scales[i % n]})
     * @param imagesPerMosaic most source images on one mosaic: COCO scores at most 100 detections per image, so a
     *     mosaic must hold well under 100 objects for its recall not to be capped
     */
    public record Layout(int canvasWidth, int canvasHeight, double[] scales, int imagesPerMosaic) {
        public Layout {
            if (canvasWidth <= 0 || canvasHeight <= 0 || scales.length == 0 || imagesPerMosaic <= 0) {
                throw new IllegalArgumentException(
                        "a layout needs a positive canvas, at least one scale and at least one image per mosaic");
            }
            for (double scale : scales) {
                if (!(scale > 0)) {
                    throw new IllegalArgumentException("scales must be positive, got " + scale);
                }
            }
        }
    }

    /** Where one source image went: which mosaic, where on it, at what scale. */
    record Placement(CocoImage source, int mosaic, int x, int y, double scale, int width, int height) {}

    /**
     * Builds the mosaics of {@code source} (images read from {@code imageDir}) into {@code outDir}/images and
     * returns their dataset, which {@link #writeAnnotations} saves; images that do not fit a canvas at their
     * scale are shrunk to fit.
     */
    public static CocoDataset build(CocoDataset source, Path imageDir, Layout layout, Path outDir) {
        List<Placement> placements = place(source.images(), layout);
        Map<Long, List<CocoAnnotation>> byImage = source.annotations().stream()
                .collect(Collectors.groupingBy(CocoAnnotation::imageId));
        int mosaics = placements.isEmpty() ? 0 : placements.get(placements.size() - 1).mosaic() + 1;
        List<CocoImage> images = new ArrayList<>();
        List<CocoAnnotation> annotations = new ArrayList<>();
        Path imagesOut = outDir.resolve("images");
        try {
            Files.createDirectories(imagesOut);
            for (int m = 0; m < mosaics; m++) {
                String name = String.format("mosaic-%03d.jpg", m);
                BufferedImage canvas = new BufferedImage(layout.canvasWidth(), layout.canvasHeight(),
                        BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = canvas.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.setColor(BACKGROUND);
                g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
                long mosaicId = m + 1L;
                for (Placement p : placements) {
                    if (p.mosaic() != m) {
                        continue;
                    }
                    BufferedImage picture = ImageIO.read(imageDir.resolve(p.source().fileName()).toFile());
                    if (picture == null) {
                        throw new IOException("cannot decode " + imageDir.resolve(p.source().fileName()));
                    }
                    g.drawImage(picture, p.x(), p.y(), p.width(), p.height(), null);
                    double sx = (double) p.width() / p.source().width();
                    double sy = (double) p.height() / p.source().height();
                    for (CocoAnnotation a : byImage.getOrDefault(p.source().id(), List.of())) {
                        Box b = a.bbox();
                        annotations.add(new CocoAnnotation(annotations.size() + 1L, mosaicId, a.categoryId(),
                                new Box(p.x() + b.x() * sx, p.y() + b.y() * sy, b.width() * sx, b.height() * sy),
                                a.area() * sx * sy, a.crowd()));
                    }
                }
                g.dispose();
                writeJpeg(canvas, imagesOut.resolve(name));
                images.add(new CocoImage(mosaicId, name, layout.canvasWidth(), layout.canvasHeight()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the mosaics in " + outDir + ": " + e.getMessage(), e);
        }
        return new CocoDataset(images, annotations, source.categories());
    }

    /** Shelf packing in image id order: left to right, a new shelf when a row is full, a new canvas when full. */
    static List<Placement> place(List<CocoImage> sources, Layout layout) {
        List<CocoImage> ordered = new ArrayList<>(sources);
        ordered.sort(Comparator.comparingLong(CocoImage::id));
        List<Placement> placements = new ArrayList<>();
        int mosaic = 0;
        int x = GAP;
        int y = GAP;
        int shelfHeight = 0;
        int onMosaic = 0;
        for (int i = 0; i < ordered.size(); i++) {
            CocoImage image = ordered.get(i);
            double scale = layout.scales()[i % layout.scales().length];
            double fit = Math.min(1.0, Math.min((layout.canvasWidth() - 2.0 * GAP) / (image.width() * scale),
                    (layout.canvasHeight() - 2.0 * GAP) / (image.height() * scale)));
            int width = Math.max(1, (int) Math.round(image.width() * scale * fit));
            int height = Math.max(1, (int) Math.round(image.height() * scale * fit));
            if (x + width + GAP > layout.canvasWidth()) {
                x = GAP;
                y += shelfHeight + GAP;
                shelfHeight = 0;
            }
            if (y + height + GAP > layout.canvasHeight() || onMosaic == layout.imagesPerMosaic()) {
                mosaic++;
                x = GAP;
                y = GAP;
                shelfHeight = 0;
                onMosaic = 0;
            }
            placements.add(new Placement(image, mosaic, x, y, scale * fit, width, height));
            onMosaic++;
            x += width + GAP;
            shelfHeight = Math.max(shelfHeight, height);
        }
        return placements;
    }

    /** Saves a dataset as a COCO instances file (boxes and areas; no segments). */
    public static void writeAnnotations(CocoDataset dataset, Path file) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode images = root.putArray("images");
        for (CocoImage i : dataset.images()) {
            images.addObject().put("id", i.id()).put("file_name", i.fileName()).put("width", i.width())
                    .put("height", i.height());
        }
        ArrayNode annotations = root.putArray("annotations");
        for (CocoAnnotation a : dataset.annotations()) {
            ObjectNode node = annotations.addObject().put("id", a.id()).put("image_id", a.imageId())
                    .put("category_id", a.categoryId()).put("area", a.area()).put("iscrowd", a.crowd() ? 1 : 0);
            node.putArray("bbox").add(a.bbox().x()).add(a.bbox().y()).add(a.bbox().width()).add(a.bbox().height());
        }
        ArrayNode categories = root.putArray("categories");
        for (CocoCategory c : dataset.categories()) {
            categories.addObject().put("id", c.id()).put("name", c.name());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            json.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeJpeg(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam params = writer.getDefaultWriteParam();
        params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        params.setCompressionQuality(0.95f);
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), params);
        } finally {
            writer.dispose();
        }
    }
}

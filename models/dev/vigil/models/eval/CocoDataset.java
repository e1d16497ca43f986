package dev.vigil.models.eval;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * COCO instance ground truth: images, object annotations and categories, as in an
 * {@code instances_*.json} file. Segmentations are not read (box evaluation only).
 */
public final class CocoDataset {

    private final List<CocoImage> images;
    private final List<CocoAnnotation> annotations;
    private final List<CocoCategory> categories;
    private final Map<Long, CocoImage> imagesById = new HashMap<>();

    public CocoDataset(List<CocoImage> images, List<CocoAnnotation> annotations, List<CocoCategory> categories) {
        this.images = List.copyOf(images);
        this.annotations = List.copyOf(annotations);
        this.categories = List.copyOf(categories);
        Set<Integer> categoryIds = new HashSet<>();
        for (CocoCategory category : categories) {
            if (!categoryIds.add(category.id())) {
                throw new CocoFormatException("category id " + category.id() + " appears twice");
            }
        }
        for (CocoImage image : images) {
            if (imagesById.put(image.id(), image) != null) {
                throw new CocoFormatException("image id " + image.id() + " appears twice");
            }
        }
        for (CocoAnnotation annotation : annotations) {
            if (!imagesById.containsKey(annotation.imageId())) {
                throw new CocoFormatException("annotation " + annotation.id() + " refers to image "
                        + annotation.imageId() + ", which is not in the images list");
            }
            if (!categoryIds.contains(annotation.categoryId())) {
                throw new CocoFormatException("annotation " + annotation.id() + " refers to category "
                        + annotation.categoryId() + ", which is not in the categories list");
            }
        }
    }

    public List<CocoImage> images() {
        return images;
    }

    public List<CocoAnnotation> annotations() {
        return annotations;
    }

    public List<CocoCategory> categories() {
        return categories;
    }

    public boolean hasImage(long id) {
        return imagesById.containsKey(id);
    }

    /** This dataset with only the given images and their annotations (categories unchanged). */
    public CocoDataset restrictedTo(Collection<Long> imageIds) {
        Set<Long> keep = new HashSet<>(imageIds);
        return new CocoDataset(
                images.stream().filter(i -> keep.contains(i.id())).toList(),
                annotations.stream().filter(a -> keep.contains(a.imageId())).toList(),
                categories);
    }

    /**
     * Reads a COCO instances file.
     *
     * @throws CocoFormatException if the file is missing, is not JSON (with line and column), or
     *     lacks a field COCO requires (with the JSON path of the entry)
     */
    public static CocoDataset read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CocoFormatException("annotations file " + file.toAbsolutePath() + " does not exist");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new CocoFormatException("annotations file " + file + " is not valid JSON" + where(e.getLocation())
                    + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CocoFormatException("cannot read annotations file " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(root);
        } catch (CocoFormatException e) {
            throw new CocoFormatException("annotations file " + file + ": " + e.getMessage(), e);
        }
    }

    static CocoDataset parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new CocoFormatException("expected a JSON object with images, annotations and categories");
        }
        List<CocoImage> images = new ArrayList<>();
        JsonNode imageNodes = array(root, "images");
        for (int i = 0; i < imageNodes.size(); i++) {
            Entry e = new Entry(imageNodes.get(i), "images[" + i + "]");
            images.add(new CocoImage(e.integer("id"), e.text("file_name"), (int) e.integer("width"),
                    (int) e.integer("height")));
        }
        List<CocoCategory> categories = new ArrayList<>();
        JsonNode categoryNodes = array(root, "categories");
        for (int i = 0; i < categoryNodes.size(); i++) {
            Entry e = new Entry(categoryNodes.get(i), "categories[" + i + "]");
            categories.add(new CocoCategory((int) e.integer("id"), e.text("name")));
        }
        List<CocoAnnotation> annotations = new ArrayList<>();
        JsonNode annotationNodes = array(root, "annotations");
        for (int i = 0; i < annotationNodes.size(); i++) {
            Entry e = new Entry(annotationNodes.get(i), "annotations[" + i + "]");
            Box box = e.box("bbox");
            // COCO ranks objects by their segment area; a file without it gets the box area.
            double area = e.node.has("area") ? e.number("area") : box.area();
            boolean crowd = e.node.has("iscrowd") && e.integer("iscrowd") != 0;
            annotations.add(new CocoAnnotation(e.integer("id"), e.integer("image_id"), (int) e.integer("category_id"),
                    box, area, crowd));
        }
        return new CocoDataset(images, annotations, categories);
    }

    private static JsonNode array(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isArray()) {
            throw new CocoFormatException("the top-level object has no '" + field + "' list");
        }
        return node;
    }

    static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** One JSON object of a list, with typed getters whose errors name the entry and field. */
    record Entry(JsonNode node, String path) {

        Entry {
            if (node == null || !node.isObject()) {
                throw new CocoFormatException(path + " is not a JSON object");
            }
        }

        JsonNode field(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw new CocoFormatException(path + " has no '" + name + "'");
            }
            return value;
        }

        long integer(String name) {
            JsonNode value = field(name);
            if (!value.isIntegralNumber() && !(value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
                throw new CocoFormatException(path + "." + name + " must be an integer, got " + value);
            }
            return value.asLong();
        }

        double number(String name) {
            JsonNode value = field(name);
            if (!value.isNumber()) {
                throw new CocoFormatException(path + "." + name + " must be a number, got " + value);
            }
            return value.asDouble();
        }

        String text(String name) {
            JsonNode value = field(name);
            if (!value.isTextual()) {
                throw new CocoFormatException(path + "." + name + " must be a string, got " + value);
            }
            return value.asText();
        }

        Box box(String name) {
            JsonNode value = field(name);
            if (!value.isArray() || value.size() != 4) {
                throw new CocoFormatException(path + "." + name + " must be [x, y, width, height], got " + value);
            }
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) {
                if (!value.get(i).isNumber()) {
                    throw new CocoFormatException(path + "." + name + " must hold 4 numbers, got " + value);
                }
                v[i] = value.get(i).asDouble();
            }
            if (v[2] < 0 || v[3] < 0) {
                throw new CocoFormatException(path + "." + name + " has a negative width or height: " + value);
            }
            return new Box(v[0], v[1], v[2], v[3]);
        }
    }
}

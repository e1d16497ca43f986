package dev.vigil.models.eval;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * COCO results files: a JSON list of {@code {image_id, category_id, bbox: [x, y, w, h], score}},
 * the format {@code COCO.loadRes} and the evaluation servers read.
 */
public final class CocoResults {

    private CocoResults() {}

    /**
     * A detection as it is written: box to 0.01 px and score to 6 decimals, so that evaluating the
     * in-memory list and evaluating the written file give the same figures.
     */
    public static CocoDetection rounded(long imageId, int categoryId, Box box, double score) {
        return new CocoDetection(imageId, categoryId,
                new Box(round(box.x(), 100), round(box.y(), 100), round(box.width(), 100), round(box.height(), 100)),
                round(score, 1_000_000));
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }

    /** Writes the detections, one per line inside the list, creating parent directories. */
    public static void write(Path file, List<CocoDetection> detections) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(file);
                    JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                json.writeStartArray();
                for (CocoDetection d : detections) {
                    json.writeRaw('\n');
                    json.writeStartObject();
                    json.writeNumberField("image_id", d.imageId());
                    json.writeNumberField("category_id", d.categoryId());
                    json.writeArrayFieldStart("bbox");
                    json.writeNumber(d.bbox().x());
                    json.writeNumber(d.bbox().y());
                    json.writeNumber(d.bbox().width());
                    json.writeNumber(d.bbox().height());
                    json.writeEndArray();
                    json.writeNumberField("score", d.score());
                    json.writeEndObject();
                }
                json.writeRaw('\n');
                json.writeEndArray();
                json.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a results file.
     *
     * @throws CocoFormatException if it is missing, not JSON, or an entry lacks a field
     */
    public static List<CocoDetection> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CocoFormatException("results file " + file.toAbsolutePath() + " does not exist");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new CocoFormatException("results file " + file + " is not valid JSON"
                    + CocoDataset.where(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CocoFormatException("cannot read results file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new CocoFormatException("results file " + file + " must hold a JSON list of detections");
        }
        List<CocoDetection> detections = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            try {
                CocoDataset.Entry e = new CocoDataset.Entry(root.get(i), "[" + i + "]");
                detections.add(new CocoDetection(e.integer("image_id"), (int) e.integer("category_id"),
                        e.box("bbox"), e.number("score")));
            } catch (CocoFormatException e) {
                throw new CocoFormatException("results file " + file + ": entry " + e.getMessage(), e);
            }
        }
        return detections;
    }
}

package dev.vigil.job.config;

import dev.vigil.models.BoxMerge;
import dev.vigil.models.Slicing;
import dev.vigil.operators.detect.CameraSlicing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Options of sliced inference ({@code detect.slicing}): frames cut into overlapping tiles that the model sees at
 * their own resolution, so that objects a few pixels tall in a 4K frame are not shrunk away. The keys set every
 * camera's slicing; {@code detect.slicing.cameras.<id>} gives a camera keys of its own (a drone beside a doorway
 * camera).
 */
public final class SlicingOptions {

    private SlicingOptions() {}

    private static final String PREFIX = "detect.slicing.";

    public static final ConfigOption<Boolean> ENABLED = ConfigOption.of(
            PREFIX + "enabled", ValueType.bool(), false,
            "Cut frames into overlapping tiles and detect each tile as an image of its own (sliced inference, for "
                    + "small objects in large frames), merging the boxes; per camera under detect.slicing.cameras.");
    public static final ConfigOption<String> TILE = ConfigOption.of(
            PREFIX + "tile", ValueType.string(), "model",
            "Tile size in frame pixels: model (the model's input size, times tile-scale), 416 or 640x384.");
    public static final ConfigOption<Double> TILE_SCALE = ConfigOption.of(
            PREFIX + "tile-scale", ValueType.decimal(0.25, 8), 1.0,
            "With tile: model, tiles are the model's input size times this (2: tiles of twice the size, shrunk by 2 "
                    + "for the model).");
    public static final ConfigOption<Double> OVERLAP = ConfigOption.of(
            PREFIX + "overlap", ValueType.decimal(0, 0.9), Slicing.DEFAULT_OVERLAP,
            "Fraction of a tile shared with its neighbour, so that an object cut by one tile is whole in the next.");
    public static final ConfigOption<Boolean> FULL_FRAME = ConfigOption.of(
            PREFIX + "full-frame", ValueType.bool(), true,
            "Also detect the whole frame, for objects larger than a tile (one model input more per frame).");
    public static final ConfigOption<Long> MIN_FRAME_SIDE = ConfigOption.of(
            PREFIX + "min-frame-side", ValueType.integer(0, 100_000), 1280L,
            "Frames whose longer side is below this go to the model whole (a 640x360 camera gains little from "
                    + "tiles); 0 slices every frame.");
    public static final ConfigOption<String> REGION = ConfigOption.of(
            PREFIX + "region", ValueType.string(), null,
            "Only tile this rectangle of the frame, x,y,width,height in frame pixels (clipped to the frame); the "
                    + "full-frame pass still sees the whole frame. Default: the whole frame.");
    public static final ConfigOption<String> MERGE = ConfigOption.of(
            PREFIX + "merge", ValueType.oneOf("seam", "nms", "merge"), lower(Slicing.DEFAULT_METHOD),
            "How boxes of one object seen by several passes become one: seam (non-maximum suppression, and a box a "
                    + "tile edge cut is matched to the rest of its object and gets its cut sides back), nms (keep the "
                    + "highest-scoring) or merge (SAHI's union of all boxes that match).");
    public static final ConfigOption<String> MERGE_METRIC = ConfigOption.of(
            PREFIX + "merge-metric", ValueType.oneOf("iou", "ios"), lower(Slicing.DEFAULT_METRIC),
            "Compare boxes by intersection over their union (iou) or over the smaller box (ios: a part of an object "
                    + "matches the whole); seam compares boxes a tile edge cut by ios whatever this says.");
    public static final ConfigOption<Double> MERGE_THRESHOLD = ConfigOption.of(
            PREFIX + "merge-threshold", ValueType.decimal(0.01, 1), Slicing.DEFAULT_THRESHOLD,
            "The merge metric at which two boxes are one object.");
    public static final ConfigOption<Boolean> CLASS_AGNOSTIC = ConfigOption.of(
            PREFIX + "class-agnostic", ValueType.bool(), Slicing.DEFAULT_CLASS_AGNOSTIC,
            "Boxes of different classes may be one object (the higher-scored box's class wins): a car called a truck "
                    + "in the next tile becomes one object. Off: on COCO data it cost AP for every model.");
    public static final ConfigOption<Double> CUT_MARGIN = ConfigOption.of(
            PREFIX + "cut-margin", ValueType.decimal(0, 64), Slicing.DEFAULT_CUT_MARGIN,
            "How close, in frame pixels, a box's side must come to an inner tile edge to count as cut by it (seam).");
    public static final ConfigOption<Object> CAMERAS = ConfigOption.of(
            PREFIX + "cameras", ValueType.tree(), null,
            "Slicing keys of single cameras, as cameras.<id>.<key> with the keys above (enabled, tile, ...); keys a "
                    + "camera leaves out are the ones above.");

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The keys a camera may set, each read as its {@code detect.slicing} key is. */
    private static final List<ConfigOption<?>> PER_CAMERA = List.of(ENABLED, TILE, TILE_SCALE, OVERLAP, FULL_FRAME,
            MIN_FRAME_SIDE, REGION, MERGE, MERGE_METRIC, MERGE_THRESHOLD, CLASS_AGNOSTIC, CUT_MARGIN);

    public static List<ConfigOption<?>> all() {
        List<ConfigOption<?>> all = new ArrayList<>(PER_CAMERA);
        all.add(CAMERAS);
        return all;
    }

    /**
     * The slicing of every camera, with {@code model} the detector's input size (null when it is unknown
     * because the model failed its check; tiles of the model's size are then not resolved).
     *
     * @param inputCameras the input's camera ids where they are known before the start, or null
     */
    public static CameraSlicing cameraSlicing(VigilConfig config, ImageSize model, List<String> inputCameras,
            List<String> problems) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (ConfigOption<?> option : PER_CAMERA) {
            defaults.put(option.key(), config.get(option));
        }
        Slicing others = slicing(defaults, "", model, problems);
        Map<String, Slicing> cameras = new LinkedHashMap<>();
        Object section = config.get(CAMERAS);
        if (section instanceof Map<?, ?> byCamera) {
            for (Map.Entry<?, ?> entry : byCamera.entrySet()) {
                String camera = String.valueOf(entry.getKey());
                String where = CAMERAS.key() + "." + camera;
                if (!(entry.getValue() instanceof Map<?, ?> keys)) {
                    problems.add(where + ": expected a section of slicing keys, got '" + entry.getValue() + "'");
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>(defaults);
                if (read(keys, where, values, problems)) {
                    cameras.put(camera, slicing(values, where + ".", model, problems));
                }
            }
            if (inputCameras != null) {
                CameraIds.checkKnown(CAMERAS.key(), byCamera.keySet().stream().map(String::valueOf).toList(),
                        inputCameras, problems);
            }
        }
        return new CameraSlicing(others, cameras);
    }

    /** Reads a camera's keys over {@code values}; false, with the problems noted, when one is wrong. */
    private static boolean read(Map<?, ?> keys, String where, Map<String, Object> values, List<String> problems) {
        boolean fine = true;
        for (Map.Entry<?, ?> entry : keys.entrySet()) {
            String name = String.valueOf(entry.getKey());
            ConfigOption<?> option = PER_CAMERA.stream().filter(o -> o.key().equals(PREFIX + name)).findFirst()
                    .orElse(null);
            if (option == null) {
                List<String> names = PER_CAMERA.stream().map(o -> o.key().substring(PREFIX.length())).toList();
                String hint = NearestName.to(name, names).map(known -> "did you mean " + known + "? ").orElse("");
                problems.add(where + "." + name + ": unknown key (" + hint + "keys: "
                        + String.join(", ", names) + ")");
                fine = false;
                continue;
            }
            try {
                values.put(option.key(), entry.getValue() == null ? null : option.type().read(entry.getValue()));
            } catch (IllegalArgumentException e) {
                problems.add(where + "." + name + ": " + e.getMessage());
                fine = false;
            }
        }
        return fine;
    }

    /** The slicing the keys in {@code values} describe, or null when it is off or cannot be made. */
    private static Slicing slicing(Map<String, Object> values, String where, ImageSize model, List<String> problems) {
        if (!Boolean.TRUE.equals(values.get(ENABLED.key()))) {
            return null;
        }
        String keyPrefix = where.isEmpty() ? PREFIX : where;
        ImageSize tile = tile((String) values.get(TILE.key()), (Double) values.get(TILE_SCALE.key()), model,
                keyPrefix + "tile", problems);
        Slicing.Region region = region((String) values.get(REGION.key()), keyPrefix + "region", problems);
        if (tile == null || (values.get(REGION.key()) != null && region == null)) {
            return null;
        }
        return new Slicing(tile.width(), tile.height(), (Double) values.get(OVERLAP.key()),
                (Boolean) values.get(FULL_FRAME.key()), ((Long) values.get(MIN_FRAME_SIDE.key())).intValue(), region,
                BoxMerge.Method.valueOf(((String) values.get(MERGE.key())).toUpperCase(Locale.ROOT)),
                BoxMerge.Metric.valueOf(((String) values.get(MERGE_METRIC.key())).toUpperCase(Locale.ROOT)),
                (Double) values.get(MERGE_THRESHOLD.key()), (Boolean) values.get(CLASS_AGNOSTIC.key()),
                (Double) values.get(CUT_MARGIN.key()));
    }

    private static ImageSize tile(String text, double scale, ImageSize model, String key, List<String> problems) {
        try {
            return tileSize(text, scale, () -> model);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": expected model, " + e.getMessage().replaceFirst("^expected ", ""));
            return null;
        }
    }

    /**
     * The tile size {@code text} names: {@code model}, the model's input size times {@code scale} (null when
     * {@code model} gives none), or a size as {@link ValueType#imageSize()} reads it ({@code 416}, {@code 640x384}).
     *
     * @throws IllegalArgumentException saying which sizes it expected, when {@code text} is none of those
     */
    public static ImageSize tileSize(String text, double scale, Supplier<ImageSize> model) {
        if ("model".equals(text.trim().toLowerCase(Locale.ROOT))) {
            ImageSize size = model.get();
            return size == null ? null : new ImageSize((int) Math.round(size.width() * scale),
                    (int) Math.round(size.height() * scale));
        }
        return ValueType.imageSize().read(text);
    }

    private static Slicing.Region region(String text, String key, List<String> problems) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",", -1);
        try {
            if (parts.length == 4) {
                return new Slicing.Region(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                        Integer.parseInt(parts[2].trim()), Integer.parseInt(parts[3].trim()));
            }
        } catch (IllegalArgumentException e) {
            // NumberFormatException, or a region Slicing.Region refuses: one message for both, below.
        }
        problems.add(key + ": expected x,y,width,height in frame pixels (x, y >= 0, width and height > 0), got '"
                + text + "'");
        return null;
    }
}

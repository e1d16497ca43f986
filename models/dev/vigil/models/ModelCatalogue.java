package dev.vigil.models;

import dev.vigil.models.family.DamoYolo;
import dev.vigil.models.family.NanoDetPlus;
import dev.vigil.models.family.YoloV6;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The models Vigil knows by name. Checksums are those of the files in the verified model mirror
 * (see each family's MODEL.md there); upstream release files that differ in bytes (for example the
 * fixed-batch NanoDet export) are rejected by the locator rather than run unverified. Entries
 * without a checksum (standard YOLOv6, DAMO-YOLO) name models whose ONNX files nobody has verified
 * here: any file of that name is accepted and reported as not checked.
 */
public final class ModelCatalogue {

    /** The 80 COCO class names in the order of the COCO-trained detectors' outputs. */
    public static final List<String> COCO_CLASSES = readClassNames("coco-classes.txt");

    private static final String NANODET_RELEASE =
            "https://github.com/RangiLyu/nanodet/releases/download/v1.0.0-alpha-1/";
    private static final String YOLOV6_RELEASE = "https://github.com/meituan/YOLOv6/releases/download/0.4.0/";
    private static final String DAMO_ONNX = "https://idstcv.oss-cn-zhangjiakou.aliyuncs.com/DAMO-YOLO/release_model/onnx/";
    private static final String DAMO_CKPT = "https://idstcv.oss-cn-zhangjiakou.aliyuncs.com/DAMO-YOLO/release_model/";

    private static final ModelCatalogue STANDARD = new ModelCatalogue(List.of(
            new CatalogueEntry("nanodet-plus-m-320", NanoDetPlus.INSTANCE, 320, 320, "nanodet-plus-m_320.onnx",
                    "nanodet-plus", "c854e1849f7587d78242f30318dbe786eea2964aa8e91de7b8174bf819626eb0",
                    URI.create(NANODET_RELEASE + "nanodet-plus-m_320.onnx"),
                    NANODET_RELEASE + "nanodet-plus-m_320_checkpoint.ckpt", "Apache-2.0", COCO_CLASSES),
            new CatalogueEntry("nanodet-plus-m-416", NanoDetPlus.INSTANCE, 416, 416, "nanodet-plus-m_416.onnx",
                    "nanodet-plus", "a4ed623a5a0530c63427d87e83c9a2704c11a09c1e652c995c8e3d2af7243e48",
                    URI.create(NANODET_RELEASE + "nanodet-plus-m_416.onnx"),
                    NANODET_RELEASE + "nanodet-plus-m_416_checkpoint.ckpt", "Apache-2.0", COCO_CLASSES),
            // Upstream publishes the Lite models as PyTorch checkpoints only: no ONNX to download.
            new CatalogueEntry("yolov6lite-s", YoloV6.INSTANCE, 320, 320, "yolov6lite_s.onnx",
                    "yolov6", "929591e014d0811d698e103ecde6c67feb6bd841559b062385ae61820cc40237",
                    null, YOLOV6_RELEASE + "yolov6lite_s.pt", "GPL-3.0", COCO_CLASSES),
            new CatalogueEntry("yolov6lite-l", YoloV6.INSTANCE, 320, 320, "yolov6lite_l.onnx",
                    "yolov6", "ee8c7d90daa881e37f3a251566e370c9b369e5d279b80f21ec33c41cacb741d1",
                    null, YOLOV6_RELEASE + "yolov6lite_l.pt", "GPL-3.0", COCO_CLASSES),
            // Standard YOLOv6: upstream publishes .pt checkpoints; the ONNX file is the user's own
            // export (deploy/ONNX/export_onnx.py, 640, no --end2end), so nothing to pin or download.
            yoloV6Standard("n"), yoloV6Standard("s"), yoloV6Standard("m"), yoloV6Standard("l"),
            // DAMO-YOLO: the ONNX files linked from upstream's README model zoo (distilled T/S/M,
            // nano before distillation). Not verified here, so not pinned.
            damoYolo("damoyolo-t", 640, "damoyolo_tinynasL20_T_436.onnx", "clean_model_0317/damoyolo_tinynasL20_T_436.pth"),
            damoYolo("damoyolo-s", 640, "damoyolo_tinynasL25_S_477.onnx", "clean_model_0317/damoyolo_tinynasL25_S_477.pth"),
            damoYolo("damoyolo-m", 640, "damoyolo_tinynasL35_M_502.onnx", "clean_model_0317/damoyolo_tinynasL35_M_502.pth"),
            damoYolo("damoyolo-ns", 416, "before_distill/damoyolo_tinynasL18_Ns.onnx", "ckpt/before_distill/damoyolo_nano_small.pth"),
            damoYolo("damoyolo-nm", 416, "before_distill/damoyolo_tinynasL18_Nm.onnx", "ckpt/before_distill/damoyolo_nano_middle.pth"),
            damoYolo("damoyolo-nl", 416, "before_distill/damoyolo_tinynasL20_Nl.onnx", "ckpt/before_distill/damoyolo_nano_large.pth")));

    private static CatalogueEntry yoloV6Standard(String size) {
        return new CatalogueEntry("yolov6" + size, YoloV6.INSTANCE, 640, 640, "yolov6" + size + ".onnx", "yolov6",
                null, null, YOLOV6_RELEASE + "yolov6" + size + ".pt", "GPL-3.0", COCO_CLASSES);
    }

    private static CatalogueEntry damoYolo(String name, int size, String onnxPath, String checkpointPath) {
        String fileName = onnxPath.substring(onnxPath.lastIndexOf('/') + 1);
        return new CatalogueEntry(name, DamoYolo.INSTANCE, size, size, fileName, "damo-yolo", null,
                URI.create(DAMO_ONNX + onnxPath), DAMO_CKPT + checkpointPath, "Apache-2.0", COCO_CLASSES);
    }

    private final Map<String, CatalogueEntry> entries = new LinkedHashMap<>();

    ModelCatalogue(List<CatalogueEntry> entries) {
        for (CatalogueEntry entry : entries) {
            if (this.entries.put(entry.name(), entry) != null) {
                throw new IllegalArgumentException("duplicate catalogue name " + entry.name());
            }
        }
    }

    /** The built-in catalogue. */
    public static ModelCatalogue standard() {
        return STANDARD;
    }

    public Set<String> names() {
        return entries.keySet();
    }

    public List<CatalogueEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<CatalogueEntry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The entry whose file is called {@code fileName}, if any. */
    public Optional<CatalogueEntry> findByFileName(String fileName) {
        return entries.values().stream().filter(e -> e.fileName().equals(fileName)).findFirst();
    }

    /**
     * The entry called {@code name}.
     *
     * @throws UnknownModelException listing the known names and, if one is close, suggesting it
     */
    public CatalogueEntry require(String name) {
        CatalogueEntry entry = entries.get(name);
        if (entry != null) {
            return entry;
        }
        StringBuilder message = new StringBuilder("unknown model '").append(name).append("'.");
        closestName(name).ifPresent(s -> message.append(" Did you mean '").append(s).append("'?"));
        message.append(" Known models: ").append(String.join(", ", entries.keySet())).append('.');
        throw new UnknownModelException(message.toString());
    }

    private Optional<String> closestName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Suggestions.nearest(name, entries.keySet(), ModelCatalogue::normalise, false)
                .filter(nearest -> nearest.distance() <= Math.max(2, nearest.name().length() / 4))
                .map(Suggestions.Nearest::name);
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-').replace(".onnx", "").replace(" ", "");
    }

    private static List<String> readClassNames(String resource) {
        try (InputStream in = ModelCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class list " + resource + " is missing from the classpath");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class list " + resource, e);
        }
    }
}

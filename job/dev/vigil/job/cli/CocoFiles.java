package dev.vigil.job.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the commands that read a COCO dataset ({@code evaluate}, {@code make-mosaics}) find it: the images folder
 * and annotations file given on the command line, else coco128 in the data directory.
 *
 * @param images folder of the images named in the annotations
 * @param annotations COCO instances JSON
 */
record CocoFiles(Path images, Path annotations) {

    static final String COCO128_IMAGES = "coco/coco128/images/train2017";
    static final String COCO128_ANNOTATIONS = "coco/coco128/annotations/instances_train2017.json";

    /**
     * The given files, each defaulting to coco128's under the data directory ({@code vigil.data.dir}, else
     * {@code VIGIL_DATA_DIR}).
     *
     * @throws IllegalArgumentException naming what is missing and how to give it
     */
    static CocoFiles resolve(Path images, Path annotations) {
        Optional<Path> dataDir = dataDir();
        Path imageDir = images != null ? images : dataDir.map(d -> d.resolve(COCO128_IMAGES)).orElse(null);
        Path annotationFile = annotations != null ? annotations
                : dataDir.map(d -> d.resolve(COCO128_ANNOTATIONS)).orElse(null);
        if (imageDir == null || annotationFile == null) {
            throw new IllegalArgumentException("give --images DIR and --annotations FILE, or set VIGIL_DATA_DIR to a "
                    + "data directory holding " + COCO128_IMAGES + " and " + COCO128_ANNOTATIONS);
        }
        if (!Files.isDirectory(imageDir)) {
            throw new IllegalArgumentException("images directory " + imageDir.toAbsolutePath() + " does not exist"
                    + (images == null ? " (the default under the data directory; give --images DIR)" : ""));
        }
        return new CocoFiles(imageDir, annotationFile);
    }

    private static Optional<Path> dataDir() {
        String value = System.getProperty("vigil.data.dir");
        if (value == null || value.isBlank()) {
            value = System.getenv("VIGIL_DATA_DIR");
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }
}

package dev.vigil.job.cli;

import dev.vigil.job.ExitCodes;
import dev.vigil.models.eval.CocoDataset;
import dev.vigil.models.eval.CocoFormatException;
import dev.vigil.models.eval.CocoMosaics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code vigil make-mosaics}: a small-object benchmark from a COCO dataset (coco128 by default): its images,
 * shrunk and packed onto large canvases, with their annotations moved along; {@code evaluate} then scores a model
 * on it with and without {@code --slicing}.
 */
@Command(name = "make-mosaics",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Makes a small-object benchmark from a COCO dataset: its images scaled by --scales in turn and packed "
                    + "onto --canvas sized images, with the annotations moved and scaled with them. Writes "
                    + "OUT/images/ and OUT/annotations.json for 'vigil evaluate --images OUT/images --annotations "
                    + "OUT/annotations.json [--slicing model]'."
        })
final class MosaicCommand implements Callable<Integer> {

    @Option(names = "--images", paramLabel = "DIR",
            description = "Folder of the source images. Default: coco128 in the data directory (VIGIL_DATA_DIR).")
    Path images;

    @Option(names = "--annotations", paramLabel = "FILE",
            description = "COCO instances JSON of the source images. Default: coco128's.")
    Path annotations;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out/mosaics",
            description = "Where to write images/ and annotations.json. Default: ${DEFAULT-VALUE}")
    Path output;

    @Option(names = "--canvas", paramLabel = "WxH", defaultValue = "2560x1440",
            description = "Size of each mosaic. Default: ${DEFAULT-VALUE}")
    String canvas;

    @Option(names = "--scales", paramLabel = "S,S,...", split = ",", defaultValue = "0.3,0.5,0.3,1.0",
            description = "Factors the source images get in turn; the larger ones keep large objects in the set. "
                    + "Default: ${DEFAULT-VALUE}")
    double[] scales;

    @Option(names = "--per-mosaic", paramLabel = "N", defaultValue = "4",
            description = "Most source images per mosaic: COCO scores at most 100 detections per image, so a mosaic "
                    + "must hold well under 100 objects. Default: ${DEFAULT-VALUE}")
    int perMosaic;

    @Override
    public Integer call() {
        CocoFiles files;
        try {
            files = CocoFiles.resolve(images, annotations);
        } catch (IllegalArgumentException e) {
            return problem(e.getMessage());
        }
        String[] size = canvas.toLowerCase(Locale.ROOT).split("x", -1);
        CocoMosaics.Layout layout;
        try {
            if (size.length != 2) {
                throw new NumberFormatException();
            }
            layout = new CocoMosaics.Layout(Integer.parseInt(size[0].trim()), Integer.parseInt(size[1].trim()), scales,
                    perMosaic);
        } catch (NumberFormatException e) {
            return problem("--canvas '" + canvas + "' is not WxH");
        } catch (IllegalArgumentException e) {
            return problem(e.getMessage());
        }
        try {
            CocoDataset source = CocoDataset.read(files.annotations());
            CocoDataset mosaics = CocoMosaics.build(source, files.images(), layout, output);
            Path annotationsOut = output.resolve("annotations.json");
            CocoMosaics.writeAnnotations(mosaics, annotationsOut);
            System.out.printf(Locale.ROOT, "%d images of %s -> %d mosaics of %s with %d objects, scales %s%n",
                    source.images().size(), files.annotations(), mosaics.images().size(), canvas,
                    mosaics.annotations().size(), Arrays.toString(scales));
            System.out.println("Images: " + output.resolve("images") + "  annotations: " + annotationsOut);
            return ExitCodes.OK;
        } catch (CocoFormatException | UncheckedIOException e) {
            return problem(e.getMessage());
        }
    }

    private static int problem(String message) {
        System.err.println("Cannot make mosaics: " + message);
        return ExitCodes.CONFIG;
    }
}

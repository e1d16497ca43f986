package dev.vigil.models;

import dev.vigil.models.family.Families;
import dev.vigil.models.family.ModelFamily;
import dev.vigil.models.family.ModelSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A located model file together with everything needed to run it, checked against the file's own
 * inputs and outputs: family (from the settings, the catalogue, or detected from the output
 * layout), input size, class names and the batch size the file is fixed at.
 *
 * @param located the file and its catalogue entry (null entry for a file outside the catalogue)
 * @param family the family that pre- and post-processes it
 * @param familySource where the family came from: {@code catalogue}, {@code settings} or
 *     {@code detected from the output layout}
 * @param inputWidth model input width
 * @param inputHeight model input height
 * @param classNames class names, index = class id; as many as the model has classes
 * @param fixedBatch batch size the file's input is fixed at, or 0 when dynamic
 * @param signature the file's declared inputs and outputs
 */
record ResolvedModel(
        LocatedModel located,
        ModelFamily family,
        String familySource,
        int inputWidth,
        int inputHeight,
        List<String> classNames,
        int fixedBatch,
        ModelSignature signature) {

    private static final Logger LOG = LoggerFactory.getLogger(ResolvedModel.class);

    static final String FROM_CATALOGUE = "catalogue";
    static final String FROM_SETTINGS = "settings";
    static final String DETECTED = "detected from the output layout";

    /**
     * Locates the model, reads its signature and checks it against the family.
     *
     * @throws ModelContractException the file does not fit the family, size or class names, or its
     *     family cannot be told
     */
    static ResolvedModel resolve(ModelSettings settings, ModelLocator locator) {
        LocatedModel located = locator.locate(settings);
        ModelSignature signature = ModelSignatures.read(located.file());
        return resolve(settings, located, signature);
    }

    static ResolvedModel resolve(ModelSettings settings, LocatedModel located, ModelSignature signature) {
        CatalogueEntry entry = located.entry();
        String file = located.file().toString();
        List<String> names;
        String namesSource;
        if (settings.namesFile() != null) {
            names = readNames(Path.of(settings.namesFile()));
            namesSource = "names file " + settings.namesFile();
        } else if (entry != null) {
            names = entry.classNames();
            namesSource = "catalogue entry " + entry.name();
        } else {
            names = ModelCatalogue.COCO_CLASSES;
            namesSource = "the COCO names, the default without a names file";
        }

        int width;
        int height;
        if (settings.inputWidth() > 0) {
            width = settings.inputWidth();
            height = settings.inputHeight();
        } else if (entry != null) {
            width = entry.inputWidth();
            height = entry.inputHeight();
        } else if (signature.fixedInputWidth() > 0 && signature.fixedInputHeight() > 0) {
            width = signature.fixedInputWidth();
            height = signature.fixedInputHeight();
        } else {
            throw new ModelContractException("model file " + file + " has a dynamic input size ("
                    + signature + "): set the model input size (ModelSettings.withInputSize) to the size it was"
                    + " trained at");
        }

        ModelFamily family;
        String familySource;
        if (settings.family() != null) {
            family = Families.find(settings.family()).orElseThrow(() -> new UnknownModelException(
                    "unknown model family '" + settings.family() + "'. Known families: " + Families.idList() + "."));
            familySource = FROM_SETTINGS;
        } else if (entry != null) {
            family = entry.family();
            familySource = FROM_CATALOGUE;
        } else {
            family = detect(file, signature, width, height, names);
            familySource = DETECTED;
            LOG.info("Model file {}: family {} {} ({})", file, family.id(), DETECTED, signature);
        }

        int classCount = names.size();
        List<String> problems = family.contractProblems(signature, width, height, classCount);
        if (!problems.isEmpty()) {
            int modelClasses = family.classCount(signature.outputs());
            List<String> fittingOthers = Families.all().stream().filter(f -> f != family
                    && f.contractProblems(signature, width, height, classCount).isEmpty()).map(ModelFamily::id).toList();
            if (fittingOthers.isEmpty() && modelClasses > 0
                    && family.contractProblems(signature, width, height, modelClasses).isEmpty()) {
                throw new ModelContractException("model file " + file + " has " + modelClasses + " classes (as a "
                        + family.id() + " model: " + signature.outputs() .stream().map(Object::toString).toList()
                        + ") but " + classCount + " class names were given (" + namesSource
                        + "): use a names file with one line per class of this model");
            }
            throw new ModelContractException("model file " + file + " does not fit family '" + family.id() + "' ("
                    + familySource + ") at " + width + "x" + height + " with " + classCount
                    + " classes:\n  expected: " + family.expectedText(width, height, classCount)
                    + "\n  actual:   " + signature + "\n  problems: " + String.join("; ", problems)
                    + (fittingOthers.isEmpty() ? "" : "\n  the file fits family " + String.join(", ", fittingOthers))
                    + "\nCheck the model name, family and input size settings, or that the file is a detector"
                    + " of that family.");
        }
        return new ResolvedModel(located, family, familySource, width, height, names, signature.fixedBatch(),
                signature);
    }

    /** The one family whose layout the outputs fit; ties go to the family matching the class names. */
    private static ModelFamily detect(String file, ModelSignature signature, int width, int height,
            List<String> names) {
        List<ModelFamily> fitting = new ArrayList<>();
        for (ModelFamily family : Families.all()) {
            int classes = family.classCount(signature.outputs());
            if (classes > 0 && family.contractProblems(signature, width, height, classes).isEmpty()) {
                fitting.add(family);
            }
        }
        if (fitting.size() > 1) {
            int expectedClasses = names.size();
            List<ModelFamily> sameClasses = fitting.stream()
                    .filter(f -> f.classCount(signature.outputs()) == expectedClasses).toList();
            if (!sameClasses.isEmpty()) {
                fitting = sameClasses;
            }
        }
        if (fitting.size() == 1) {
            return fitting.get(0);
        }
        if (fitting.isEmpty()) {
            StringBuilder message = new StringBuilder("cannot tell the family of model file ").append(file)
                    .append(" at ").append(width).append('x').append(height).append(": its ").append(signature)
                    .append(" fit none of the known layouts:");
            for (ModelFamily family : Families.all()) {
                message.append("\n  - ").append(family.id()).append(": ")
                        .append(family.expectedText(width, height, 80)).append(" (shown for 80 classes)");
            }
            message.append("\nSet the model family (one of ").append(Families.idList())
                    .append(") and input size, or check that the file is an object detector.");
            throw new ModelContractException(message.toString());
        }
        throw new ModelContractException("cannot tell the family of model file " + file + " from its outputs ("
                + signature + "): they fit " + fitting.stream()
                        .map(f -> f.id() + " (" + f.classCount(signature.outputs()) + " classes)").toList()
                + ". Set the model family (one of " + Families.idList() + ") to the one it is.");
    }

    static List<String> readNames(Path file) {
        try {
            List<String> names = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
            if (names.isEmpty()) {
                throw new ModelException("class names file " + file.toAbsolutePath() + " has no names");
            }
            return names;
        } catch (IOException e) {
            throw new ModelException("cannot read class names file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}

package dev.vigil.models;

import java.util.List;

/**
 * Runs one object-detection model over batches of images.
 *
 * <p>Batch-first: callers hand over every image they have at once and get one result per image,
 * in order. How the images are pre-processed and the outputs decoded is the model family's
 * business; batching is the caller's. Implementations are not thread-safe: use one instance per
 * thread (instances opened for the same model share the loaded weights).
 */
public interface Detector extends AutoCloseable {

    /** Catalogue name of the model, or the file name for a model given by path. */
    String modelName();

    /** Class names, index = class id. */
    List<String> classNames();

    /**
     * Detects objects in each image.
     *
     * @return one result per input image, in input order; boxes in each image's own pixels
     */
    List<DetectionResult> detect(List<BgrImage> images);

    /**
     * Detects objects in each region, as if each were an image of its own, in one model call where the model
     * allows. This default copies the regions out; a detector that can read a region in place should.
     *
     * @return one result per region, in input order; boxes in each region's own pixels
     */
    default List<DetectionResult> detectRegions(List<ImageRegion> regions) {
        return detect(regions.stream().map(ImageRegion::copy).toList());
    }

    /** Releases this handle; the shared model is unloaded when its last handle closes. */
    @Override
    void close();
}

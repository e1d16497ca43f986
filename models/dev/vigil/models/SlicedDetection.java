package dev.vigil.models;


import java.util.ArrayList;
import java.util.List;

/**
 * Detection of frames that may be sliced: every pass of every frame (tiles and full frame, see {@link Slicing})
 * goes into one {@link Detector#detectRegions} call, so the tiles of a frame, and of all frames handed over
 * together, are one micro-batch for the model. Boxes are mapped back to their frame, marked with the sides their
 * tile's edges cut ({@link CutSides}), and merged per frame.
 * Batching stays the caller's: a caller counts frames, and a frame reports how many tiles it took.
 */
public final class SlicedDetection {

    private SlicedDetection() {}

    /**
     * Detects objects in each frame; {@code slicing.get(i)} is frame i's slicing, or null for one pass over the
     * whole frame.
     *
     * @return one result per frame, in order, with boxes in the frame's pixels
     */
    public static List<DetectionResult> detect(Detector detector, List<BgrImage> frames, List<Slicing> slicing) {
        if (frames.size() != slicing.size()) {
            throw new IllegalArgumentException(frames.size() + " frames but " + slicing.size() + " slicings");
        }
        List<ImageRegion> regions = new ArrayList<>();
        int[] first = new int[frames.size() + 1];
        for (int i = 0; i < frames.size(); i++) {
            first[i] = regions.size();
            Slicing frameSlicing = slicing.get(i);
            regions.addAll(frameSlicing == null ? List.of(ImageRegion.whole(frames.get(i)))
                    : frameSlicing.passes(frames.get(i)));
        }
        first[frames.size()] = regions.size();
        List<DetectionResult> perRegion = detector.detectRegions(regions);
        List<DetectionResult> results = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            int passes = first[i + 1] - first[i];
            if (passes == 1 && regions.get(first[i]).isWhole()) {
                results.add(perRegion.get(first[i]));
                continue;
            }
            long preprocess = 0;
            long postprocess = 0;
            int tiles = 0;
            Slicing frameSlicing = slicing.get(i);
            List<PassDetection> detections = new ArrayList<>();
            for (int r = first[i]; r < first[i + 1]; r++) {
                ImageRegion region = regions.get(r);
                if (!region.isWhole()) {
                    tiles++;
                }
                DetectionResult result = perRegion.get(r);
                preprocess += result.preprocessMicros();
                postprocess += result.postprocessMicros();
                for (Detection d : result.detections()) {
                    Detection inFrame = new Detection(d.classId(), d.label(), d.score(), d.x1() + region.x(),
                            d.y1() + region.y(), d.x2() + region.x(), d.y2() + region.y());
                    detections.add(new PassDetection(inFrame,
                            CutSides.of(inFrame, region, frameSlicing.cutMargin())));
                }
            }
            long mergeStart = System.nanoTime();
            List<Detection> merged = frameSlicing.merge(detections);
            postprocess += (System.nanoTime() - mergeStart) / 1000;
            DetectionResult any = perRegion.get(first[i]);
            results.add(new DetectionResult(merged, any.batchSize(), preprocess, any.inferenceMicros(), postprocess,
                    tiles));
        }
        return results;
    }
}

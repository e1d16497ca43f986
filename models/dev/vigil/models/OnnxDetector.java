package dev.vigil.models;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.vigil.models.processing.InputGeometry;
import dev.vigil.models.processing.InputRecipe;
import dev.vigil.models.processing.OutputTensor;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A detector handle over a shared ONNX model: its own predictor and buffers, one model call per
 * batch (the whole batch goes into one float array and one tensor). A model whose batch axis is
 * fixed (official DAMO-YOLO exports fix it at 1) gets the batch in slices of that size, the last
 * one padded, and the outputs joined again, so callers see no difference.
 */
final class OnnxDetector implements Detector {

    private final String name;
    private final List<String> classNames;
    private final SharedModels.Key modelKey;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final DetectionPipeline pipeline;
    private final int fixedBatch;
    private float[] input = new float[0];
    private boolean closed;

    OnnxDetector(String name, List<String> classNames, SharedModels.Key modelKey, ZooModel<NDList, NDList> model,
            DetectionPipeline pipeline, int fixedBatch) {
        this.name = name;
        this.classNames = List.copyOf(classNames);
        this.modelKey = modelKey;
        this.model = model;
        this.predictor = model.newPredictor();
        this.pipeline = pipeline;
        this.fixedBatch = fixedBatch;
    }

    @Override
    public String modelName() {
        return name;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public List<DetectionResult> detect(List<BgrImage> images) {
        return detectRegions(images.stream().map(ImageRegion::whole).toList());
    }

    /** Tiles are pre-processed straight from their frame's pixels. */
    @Override
    public List<DetectionResult> detectRegions(List<ImageRegion> images) {
        if (closed) {
            throw new IllegalStateException("detector " + name + " is closed");
        }
        int batch = images.size();
        if (batch == 0) {
            return List.of();
        }
        InputRecipe recipe = pipeline.recipe();
        int perImage = recipe.valuesPerImage();
        // A fixed-batch model reads whole slices straight from this buffer, the last one padded.
        int needed = (fixedBatch > 0 ? (batch + fixedBatch - 1) / fixedBatch * fixedBatch : batch) * perImage;
        if (input.length < needed) {
            input = new float[needed];
        }
        Arrays.fill(input, batch * perImage, needed, 0f);
        InputGeometry[] geometries = new InputGeometry[batch];
        long[] preprocessNanos = new long[batch];
        for (int i = 0; i < batch; i++) {
            long start = System.nanoTime();
            geometries[i] = pipeline.preprocess(images.get(i), input, i);
            preprocessNanos[i] = System.nanoTime() - start;
        }

        long inferenceStart = System.nanoTime();
        List<OutputTensor> outputs = fixedBatch > 0 ? runInSlices(batch, recipe) : run(0, batch, recipe);
        long inferenceNanos = System.nanoTime() - inferenceStart;

        List<DetectionResult> results = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            long start = System.nanoTime();
            List<Detection> detections = pipeline.postprocess(outputs, i, geometries[i]);
            long postprocessNanos = System.nanoTime() - start;
            results.add(new DetectionResult(detections, batch, preprocessNanos[i] / 1000, inferenceNanos / 1000,
                    postprocessNanos / 1000));
        }
        return results;
    }

    /** Runs {@code batch} images through a model fixed at {@link #fixedBatch} images per call. */
    private List<OutputTensor> runInSlices(int batch, InputRecipe recipe) {
        List<List<OutputTensor>> parts = new ArrayList<>();
        for (int first = 0; first < batch; first += fixedBatch) {
            parts.add(run(first, fixedBatch, recipe));
        }
        List<OutputTensor> joined = new ArrayList<>();
        for (int o = 0; o < parts.get(0).size(); o++) {
            OutputTensor head = parts.get(0).get(o);
            int perItem = head.valuesPerImage();
            float[] data = new float[batch * perItem];
            for (int p = 0; p < parts.size(); p++) {
                int images = Math.min(fixedBatch, batch - p * fixedBatch);
                System.arraycopy(parts.get(p).get(o).data(), 0, data, p * fixedBatch * perItem, images * perItem);
            }
            long[] shape = head.shape().clone();
            shape[0] = batch;
            joined.add(new OutputTensor(head.name(), shape, data));
        }
        return joined;
    }

    /** Runs the {@code batch} images that start at image {@code first} of {@link #input}. */
    private List<OutputTensor> run(int first, int batch, InputRecipe recipe) {
        int perImage = recipe.valuesPerImage();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray tensor = manager.create(FloatBuffer.wrap(input, first * perImage, batch * perImage),
                    new Shape(batch, 3, recipe.height(), recipe.width()));
            NDList raw = predictor.predict(new NDList(tensor));
            List<OutputTensor> outputs = new ArrayList<>(raw.size());
            for (NDArray array : raw) {
                outputs.add(new OutputTensor(array.getName(), array.getShape().getShape(), array.toFloatArray()));
            }
            raw.close();
            return outputs;
        } catch (TranslateException e) {
            throw new ModelException("inference with model " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            predictor.close();
            SharedModels.release(modelKey);
        }
    }
}

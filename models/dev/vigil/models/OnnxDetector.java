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
import java.util.List;

/**
 * A detector handle over a shared ONNX model: its own predictor and buffers, one model call per
 * batch (the whole batch goes into one float array and one tensor).
 */
final class OnnxDetector implements Detector {

    private final String name;
    private final List<String> classNames;
    private final SharedModels.Key modelKey;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final DetectionPipeline pipeline;
    private float[] input = new float[0];
    private boolean closed;

    OnnxDetector(String name, List<String> classNames, SharedModels.Key modelKey, ZooModel<NDList, NDList> model,
            DetectionPipeline pipeline) {
        this.name = name;
        this.classNames = List.copyOf(classNames);
        this.modelKey = modelKey;
        this.model = model;
        this.predictor = model.newPredictor();
        this.pipeline = pipeline;
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
        if (closed) {
            throw new IllegalStateException("detector " + name + " is closed");
        }
        int batch = images.size();
        if (batch == 0) {
            return List.of();
        }
        InputRecipe recipe = pipeline.recipe();
        int needed = batch * recipe.valuesPerImage();
        if (input.length != needed) {
            input = new float[needed];
        }
        InputGeometry[] geometries = new InputGeometry[batch];
        long[] preprocessNanos = new long[batch];
        for (int i = 0; i < batch; i++) {
            long start = System.nanoTime();
            geometries[i] = pipeline.preprocess(images.get(i), input, i);
            preprocessNanos[i] = System.nanoTime() - start;
        }

        long inferenceStart = System.nanoTime();
        List<OutputTensor> outputs = run(batch, recipe);
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

    private List<OutputTensor> run(int batch, InputRecipe recipe) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray tensor = manager.create(FloatBuffer.wrap(input),
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

package dev.vigil.models;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import dev.vigil.models.family.ModelSignature;
import dev.vigil.models.family.TensorShape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the inputs and outputs a model file declares, through an ONNX Runtime session opened only
 * for that (no graph optimisation) and closed at once. Remembered per file version, so opening
 * many detector handles reads each file once.
 */
final class ModelSignatures {

    private static final Map<FileVersion, ModelSignature> READ = new ConcurrentHashMap<>();

    private ModelSignatures() {}

    static ModelSignature read(Path file) {
        FileVersion version;
        try {
            version = FileVersion.of(file);
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + file.toAbsolutePath() + ": " + e, e);
        }
        return READ.computeIfAbsent(version, v -> load(v.file()));
    }

    private static ModelSignature load(Path file) {
        // DJL creates ONNX Runtime's environment itself and fails if anything else did first.
        EngineStart.onnxRuntime();
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            try (OrtSession session = environment.createSession(file.toString(), options)) {
                return new ModelSignature(shapes(session.getInputInfo()), shapes(session.getOutputInfo()));
            }
        } catch (OrtException | RuntimeException e) {
            throw new ModelException("cannot read model " + file + " with ONNX Runtime: " + e.getMessage()
                    + " (is it an ONNX model file?)", e);
        }
    }

    private static List<TensorShape> shapes(Map<String, NodeInfo> nodes) {
        List<TensorShape> shapes = new ArrayList<>(nodes.size());
        for (NodeInfo node : nodes.values()) {
            ValueInfo info = node.getInfo();
            if (info instanceof TensorInfo tensor) {
                shapes.add(new TensorShape(node.getName(), tensor.type.name(), tensor.getShape()));
            } else {
                shapes.add(new TensorShape(node.getName(), info.toString(), new long[0]));
            }
        }
        return shapes;
    }
}

package dev.vigil.models;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The JVM-wide registry of loaded ONNX models, reference-counted: every detector handle for the
 * same file and thread settings shares one ONNX Runtime session (so a TaskManager holds one copy
 * of the weights however many cameras or slots use it), and the session is closed when the last
 * handle goes.
 */
final class SharedModels {

    /**
     * What makes two loaded models interchangeable.
     *
     * @param gpuIndex the GPU the session runs on, or -1 for the CPU
     */
    record Key(Path file, int intraOpThreads, int gpuIndex) {}

    private static final class Loaded {
        final ZooModel<NDList, NDList> model;
        int handles;

        Loaded(ZooModel<NDList, NDList> model) {
            this.model = model;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SharedModels.class);

    private static final Map<Key, Loaded> LOADED = new HashMap<>();

    private SharedModels() {}

    /** The model for {@code key}, loading it if no handle holds it; pair with {@link #release}. */
    static synchronized ZooModel<NDList, NDList> acquire(Key key) {
        Loaded loaded = LOADED.get(key);
        if (loaded == null) {
            loaded = new Loaded(load(key));
            LOADED.put(key, loaded);
            // One line per session: how many copies of the weights a TaskManager holds shows in its log.
            LOG.info("Loaded model {} ({}); models loaded in this JVM: {}", key.file(),
                    key.gpuIndex() < 0 ? "CPU" : "GPU " + key.gpuIndex(), LOADED.size());
        }
        loaded.handles++;
        return loaded.model;
    }

    static synchronized void release(Key key) {
        Loaded loaded = LOADED.get(key);
        if (loaded == null) {
            return;
        }
        if (--loaded.handles == 0) {
            LOADED.remove(key);
            loaded.model.close();
        }
    }

    /** Number of models currently loaded in this JVM. */
    static synchronized int loadedCount() {
        return LOADED.size();
    }

    private static ZooModel<NDList, NDList> load(Key key) {
        EngineStart.onnxRuntime();
        Criteria.Builder<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(key.file())
                .optEngine("OnnxRuntime")
                .optTranslator(new NoopTranslator())
                // One inference runs at a time per session user; parallelism comes from Flink slots.
                .optOption("interOpNumThreads", "1")
                .optOption("executionMode", "SEQUENTIAL")
                .optOption("optLevel", "ALL_OPT");
        if (key.gpuIndex() >= 0) {
            // DJL's ONNX Runtime engine adds the CUDA execution provider for a GPU device; it needs
            // the onnxruntime_gpu build (mvn -Pgpu) and CUDA/cuDNN on the machine.
            criteria.optDevice(ai.djl.Device.gpu(key.gpuIndex()));
        }
        if (key.intraOpThreads() > 0) {
            criteria.optOption("intraOpNumThreads", Integer.toString(key.intraOpThreads()));
        }
        try {
            return criteria.build().loadModel();
        } catch (IOException | MalformedModelException | ai.djl.repository.zoo.ModelNotFoundException
                | RuntimeException e) {
            throw new ModelException("cannot load model " + key.file() + " with ONNX Runtime: " + e.getMessage(), e);
        }
    }
}

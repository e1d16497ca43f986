package dev.vigil.job;

import dev.vigil.models.BgrImage;
import dev.vigil.models.DetectionResult;
import dev.vigil.models.Detector;

import java.util.List;

/**
 * The real detector with a test's hook run before each batch, to count frames, inject a failure or slow
 * the job down. Hooks are static methods of the test: the detector is created inside the task.
 */
final class HookedDetector implements Detector {

    /** Runs before a batch of {@code frames} frames is detected; may throw to fail the task. */
    @FunctionalInterface
    interface Hook {
        void beforeDetect(int frames);
    }

    /** Fails the task, with an error the detection stage does not turn into a reject. */
    static final class InjectedFailure extends Error {
        InjectedFailure(String message) {
            super(message);
        }
    }

    private final Detector real;
    private final Hook hook;

    HookedDetector(Detector real, Hook hook) {
        this.real = real;
        this.hook = hook;
    }

    @Override
    public String modelName() {
        return real.modelName();
    }

    @Override
    public List<String> classNames() {
        return real.classNames();
    }

    @Override
    public List<DetectionResult> detect(List<BgrImage> images) {
        hook.beforeDetect(images.size());
        return real.detect(images);
    }

    @Override
    public void close() {
        real.close();
    }
}

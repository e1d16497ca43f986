package dev.vigil.models;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts DJL's ONNX Runtime engine, once per JVM, on a thread of its own whose stack is sized to
 * this process's command line, whichever thread (the CLI's main thread, a Flink task) needs a model
 * first.
 *
 * <p>Creating ONNX Runtime's environment (1.29, Linux) sets up its telemetry, which matches a
 * {@code std::regex} against {@code /proc/self/cmdline}. libstdc++ matches recursively, one level
 * (about 256 bytes of stack) per byte of command line, so about 4 KB of command line (a long
 * {@code -cp}; a Flink TaskManager's classpath) fills the 1 MB stack of an ordinary Java thread.
 * The overflow happens in native code inside the JVM's guard pages, where not even the JVM's signal
 * handler can run: the process dies with SIGSEGV (exit 139) and no hs_err file.
 */
final class EngineStart {

    static final String ONNX_RUNTIME = "OnnxRuntime";

    /** Stack reserved (not committed: only touched pages use memory) beyond the command line's share. */
    private static final long BASE_STACK_BYTES = 8L << 20;

    /** Four times what ONNX Runtime 1.29 measurably needs per byte of command line. */
    private static final long STACK_BYTES_PER_COMMAND_LINE_BYTE = 1024;

    private static boolean started;

    private EngineStart() {}

    /** Starts the ONNX Runtime engine (offline) unless this JVM has already; returns when it runs. */
    static synchronized void onnxRuntime() {
        OfflineRuntime.ensureOffline();
        if (started) {
            return;
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread starter = new Thread(null, () -> {
            try {
                Engine.getEngine(ONNX_RUNTIME);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "onnxruntime-start", stackBytes());
        starter.setDaemon(true);
        starter.start();
        boolean interrupted = false;
        while (true) {
            try {
                starter.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the engine starts either way; keep the interrupt for the caller
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        started = true;
    }

    /** The stack the starting thread gets: the base plus its share per byte of this process's command line. */
    static long stackBytes() {
        long commandLine;
        try {
            commandLine = Files.readAllBytes(Path.of("/proc/self/cmdline")).length;
        } catch (IOException | RuntimeException e) {
            commandLine = 0; // no /proc (not Linux), where ONNX Runtime reads no command line either
        }
        return BASE_STACK_BYTES + STACK_BYTES_PER_COMMAND_LINE_BYTE * commandLine;
    }
}

package dev.vigil.sources.rtsp;

import java.io.IOException;
import java.io.Serializable;

/** An open connection to one camera that yields decoded pictures. Driven by one thread. */
interface CameraFeed extends AutoCloseable {

    /** A decoded BGR24 picture, rows packed. */
    record Picture(int width, int height, byte[] bgr) {}

    /**
     * Blocks for the next picture; {@code null} when the stream ended. Throws when reading fails or
     * nothing arrives within the camera's timeout.
     */
    Picture next() throws IOException;

    /** Frames per second the stream declares, or 0 if it declares none. */
    double frameRate();

    @Override
    void close();

    /** Opens feeds; the real one is {@link FfmpegCameraFeed#CONNECTOR}, tests plug in fakes. */
    @FunctionalInterface
    interface Connector extends Serializable {
        CameraFeed open(CameraConnection camera) throws IOException;
    }
}

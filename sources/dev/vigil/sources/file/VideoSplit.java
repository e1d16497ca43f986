package dev.vigil.sources.file;

import org.apache.flink.api.connector.source.SourceSplit;

import java.io.Serializable;
import java.util.Objects;

/**
 * One camera of a {@link FileVideoSource}: a video file and how far it has been read. The split id
 * is the camera id, which the builder keeps unique.
 */
public final class VideoSplit implements SourceSplit, Serializable {

    private static final long serialVersionUID = 1L;

    private final String cameraId;
    private final String path;
    private final ReadPosition position;

    public VideoSplit(String cameraId, String path, ReadPosition position) {
        this.cameraId = Objects.requireNonNull(cameraId, "cameraId");
        this.path = Objects.requireNonNull(path, "path");
        this.position = Objects.requireNonNull(position, "position");
    }

    @Override
    public String splitId() {
        return cameraId;
    }

    public String cameraId() {
        return cameraId;
    }

    /** The video file, as the path string it was configured with. */
    public String path() {
        return path;
    }

    public ReadPosition position() {
        return position;
    }

    VideoSplit at(ReadPosition newPosition) {
        return new VideoSplit(cameraId, path, newPosition);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VideoSplit
                && ((VideoSplit) o).cameraId.equals(cameraId)
                && ((VideoSplit) o).path.equals(path)
                && ((VideoSplit) o).position.equals(position);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cameraId, path, position);
    }

    @Override
    public String toString() {
        return "VideoSplit{" + cameraId + " <- " + path + " @ " + position + "}";
    }
}

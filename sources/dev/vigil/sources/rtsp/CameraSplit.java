package dev.vigil.sources.rtsp;

import org.apache.flink.api.connector.source.SourceSplit;

import java.util.Objects;

/**
 * One camera of an {@link RtspCameraSource}: its id (the split id) and the sequence number its next
 * frame gets. Sequence numbers keep rising across reconnects and restores, so downstream tracking sees
 * an outage as a gap, never as a reset. The URL and credentials stay in the source's settings, out of
 * checkpoints.
 */
public final class CameraSplit implements SourceSplit {

    private final String cameraId;
    private final long nextSequence;

    public CameraSplit(String cameraId, long nextSequence) {
        this.cameraId = Objects.requireNonNull(cameraId, "cameraId");
        if (nextSequence < 0) {
            throw new IllegalArgumentException("nextSequence must be >= 0, was " + nextSequence);
        }
        this.nextSequence = nextSequence;
    }

    @Override
    public String splitId() {
        return cameraId;
    }

    public String cameraId() {
        return cameraId;
    }

    public long nextSequence() {
        return nextSequence;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CameraSplit
                && ((CameraSplit) o).cameraId.equals(cameraId)
                && ((CameraSplit) o).nextSequence == nextSequence;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cameraId, nextSequence);
    }

    @Override
    public String toString() {
        return "CameraSplit{" + cameraId + " next #" + nextSequence + "}";
    }
}

package dev.vigil.sinks.video;

import dev.vigil.operators.visual.VisualFrame;
import dev.vigil.sinks.WriterContextSink;

import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.util.Objects;

/**
 * Writes annotated H.264 MP4 video per camera.
 *
 * <p><b>Delivery.</b> A segment is closed at every checkpoint (and, for live cameras, when it reaches
 * its length) and moved to its final name only when that checkpoint completes; until then it is a
 * hidden {@code .pending} file, and the segment being written a hidden {@code .inprogress} one. A
 * restored job deletes the in-progress files it left (their frames come again from the replay) and
 * moves the pending segments the checkpoint knows. So every frame is in exactly one final segment.
 * For a video file the segments are joined into {@code <camera>.mp4} when its input ends (packets
 * copied, not encoded again). With checkpoints off, a file's camera has one segment.
 */
public final class AnnotatedVideoSink implements WriterContextSink<VisualFrame>, SupportsCommitter<VideoSegment> {

    private static final long serialVersionUID = 1L;

    private final VideoSettings settings;

    public AnnotatedVideoSink(VideoSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public CommittingSinkWriter<VisualFrame, VideoSegment> createWriter(WriterInitContext context) throws IOException {
        return new AnnotatedVideoWriter(settings, context.getTaskInfo().getIndexOfThisSubtask());
    }

    @Override
    public Committer<VideoSegment> createCommitter(CommitterInitContext context) {
        return new VideoCommitter(settings);
    }

    @Override
    public SimpleVersionedSerializer<VideoSegment> getCommittableSerializer() {
        return new VideoSegment.Serializer();
    }
}

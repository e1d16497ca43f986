package dev.vigil.sources.file;

import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Hands out cameras on request. A reader's request is answered with all pending cameras that belong
 * to its subtask (camera <i>i</i> of the configured list belongs to subtask <i>i mod
 * parallelism</i>), followed by "no more splits": every reader decodes its cameras side by side
 * (which realtime playback needs), and cameras spread evenly over the subtasks. Cameras given back
 * after a reader failure go to the same subtask again when its replacement asks.
 */
final class VideoSplitEnumerator implements SplitEnumerator<VideoSplit, PendingVideoSplits> {

    private final SplitEnumeratorContext<VideoSplit> context;
    private final List<String> cameraOrder;
    private final List<VideoSplit> pending;

    VideoSplitEnumerator(
            SplitEnumeratorContext<VideoSplit> context, List<String> cameraOrder, List<VideoSplit> pending) {
        this.context = context;
        this.cameraOrder = List.copyOf(cameraOrder);
        this.pending = new ArrayList<>(pending);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        int parallelism = Math.max(1, context.currentParallelism());
        for (Iterator<VideoSplit> it = pending.iterator(); it.hasNext(); ) {
            VideoSplit split = it.next();
            if (ownerOf(split, parallelism) == subtaskId) {
                context.assignSplit(split, subtaskId);
                it.remove();
            }
        }
        context.signalNoMoreSplits(subtaskId);
    }

    private int ownerOf(VideoSplit split, int parallelism) {
        int index = cameraOrder.indexOf(split.cameraId());
        return Math.floorMod(index >= 0 ? index : split.cameraId().hashCode(), parallelism);
    }

    @Override
    public void addSplitsBack(List<VideoSplit> splits, int subtaskId) {
        pending.addAll(splits);
    }

    @Override
    public void addReader(int subtaskId) {
        // Readers ask for their cameras themselves when they start.
    }

    @Override
    public PendingVideoSplits snapshotState(long checkpointId) {
        return new PendingVideoSplits(pending);
    }

    @Override
    public void close() {}
}

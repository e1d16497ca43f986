package dev.vigil.sources.rtsp;

import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hands each configured camera to one reader: camera <i>i</i> of the configured list goes to subtask
 * <i>i mod parallelism</i>, as soon as that reader is there. Cameras given back after a reader failure go
 * to the same subtask again.
 *
 * <p><b>Reconciliation on restore.</b> A camera handed out before is in a reader's state and comes back
 * with it (the reader drops it if it is no longer configured). A configured camera that the restored state
 * has never seen is new: it starts at sequence 0. A pending camera that is no longer configured is dropped.
 * So adding or removing a camera keeps every other camera's state.
 */
final class CameraSplitEnumerator implements SplitEnumerator<CameraSplit, CameraAssignments> {

    private static final Logger LOG = LoggerFactory.getLogger(CameraSplitEnumerator.class);

    private final SplitEnumeratorContext<CameraSplit> context;
    private final List<String> cameraOrder;
    private final Set<String> assigned;
    private final List<CameraSplit> pending;

    CameraSplitEnumerator(SplitEnumeratorContext<CameraSplit> context, List<String> configured,
            CameraAssignments restored) {
        this.context = context;
        this.cameraOrder = List.copyOf(configured);
        this.assigned = new LinkedHashSet<>(restored.assigned());
        // A camera that was removed and is configured again later starts afresh.
        this.assigned.retainAll(configured);
        this.pending = new ArrayList<>();
        for (CameraSplit split : restored.pending()) {
            if (configured.contains(split.cameraId())) {
                pending.add(split);
            } else {
                LOG.info("Camera '{}' is no longer configured; dropping it", split.cameraId());
            }
        }
        for (String id : configured) {
            if (!assigned.contains(id) && pending.stream().noneMatch(s -> s.cameraId().equals(id))) {
                pending.add(new CameraSplit(id, 0));
            }
        }
    }

    /** A fresh start: every configured camera is pending at sequence 0. */
    static CameraAssignments initial() {
        return new CameraAssignments(Set.of(), List.of());
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        assignPendingTo(subtaskId);
    }

    @Override
    public void addReader(int subtaskId) {
        assignPendingTo(subtaskId);
    }

    private void assignPendingTo(int subtaskId) {
        if (!context.registeredReaders().containsKey(subtaskId)) {
            return;
        }
        int parallelism = Math.max(1, context.currentParallelism());
        for (Iterator<CameraSplit> it = pending.iterator(); it.hasNext(); ) {
            CameraSplit split = it.next();
            if (ownerOf(split.cameraId(), parallelism) == subtaskId) {
                context.assignSplit(split, subtaskId);
                assigned.add(split.cameraId());
                it.remove();
            }
        }
    }

    private int ownerOf(String cameraId, int parallelism) {
        int index = cameraOrder.indexOf(cameraId);
        return Math.floorMod(index >= 0 ? index : cameraId.hashCode(), parallelism);
    }

    @Override
    public void addSplitsBack(List<CameraSplit> splits, int subtaskId) {
        pending.addAll(splits);
    }

    @Override
    public CameraAssignments snapshotState(long checkpointId) {
        return new CameraAssignments(assigned, pending);
    }

    @Override
    public void close() {}
}

package dev.vigil.sources.file;

import java.util.List;

/** Checkpointed state of the enumerator: the cameras not yet handed to a reader. */
public record PendingVideoSplits(List<VideoSplit> splits) {

    public PendingVideoSplits {
        splits = List.copyOf(splits);
    }
}

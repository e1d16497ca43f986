package dev.vigil.sources.file;

/** The reader's mutable view of an assigned split: its position moves as frames are emitted. */
final class VideoSplitState {

    private final VideoSplit split;
    private ReadPosition position;

    VideoSplitState(VideoSplit split) {
        this.split = split;
        this.position = split.position();
    }

    void advanceTo(ReadPosition next) {
        position = next;
    }

    VideoSplit toSplit() {
        return split.at(position);
    }
}

package dev.vigil.sources.file;

import dev.vigil.sources.Frame;

/**
 * A frame as it leaves the fetcher thread, with the camera's read position after it: once the
 * frame is emitted, that position becomes the split's checkpointed state.
 */
record PositionedFrame(Frame frame, ReadPosition after) {}

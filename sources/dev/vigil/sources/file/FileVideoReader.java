package dev.vigil.sources.file;

import dev.vigil.sources.Frame;

import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;

import java.util.Map;

/**
 * Reader of a {@link FileVideoSource}: one fetcher thread decodes all cameras assigned to this
 * subtask; the task thread only hands the decoded frames on.
 */
final class FileVideoReader extends SingleThreadMultiplexSourceReaderBase<PositionedFrame, Frame, VideoSplit, VideoSplitState> {

    FileVideoReader(SourceReaderContext context, DecodeSettings settings) {
        this(context, settings, new ReaderMetrics(context.metricGroup()));
    }

    private FileVideoReader(SourceReaderContext context, DecodeSettings settings, ReaderMetrics metrics) {
        super(() -> new VideoSplitReader(settings, metrics), new FrameEmitter(), context.getConfiguration(), context);
    }

    @Override
    public void start() {
        // Ask once; the enumerator answers with all cameras of this subtask and then "no more".
        context.sendSplitRequest();
    }

    @Override
    protected void onSplitFinished(Map<String, VideoSplitState> finishedSplits) {
        // Nothing to do: every camera this subtask will get arrived with the first answer.
    }

    @Override
    protected VideoSplitState initializedState(VideoSplit split) {
        return new VideoSplitState(split);
    }

    @Override
    protected VideoSplit toSplitType(String splitId, VideoSplitState state) {
        return state.toSplit();
    }
}

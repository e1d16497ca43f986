package dev.vigil.sources.file;

import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the cameras assigned to one reader, in Flink's fetcher thread (never in the task's
 * mailbox thread).
 *
 * <p>As fast as possible, each {@link #fetch()} takes a few frames from one camera, taking turns.
 * In realtime mode it instead returns the single frame that is due next across all cameras, after
 * waiting for its presentation time.
 */
final class VideoSplitReader implements SplitReader<PositionedFrame, VideoSplit> {

    /** At most this many frames, or about this many pixel bytes, per fetch, to keep batches small. */
    static final int MAX_FRAMES_PER_FETCH = 4;
    static final long MAX_BYTES_PER_FETCH = 8L << 20;

    private final DecodeSettings settings;
    private final ReaderMetrics metrics;
    /** Insertion order gives the round-robin order. */
    private final LinkedHashMap<String, SplitDecoder> decoders = new LinkedHashMap<>();
    /** Realtime mode: the next frame of each camera, decoded ahead to know when it is due. */
    private final Map<String, PositionedFrame> lookahead = new HashMap<>();
    private final Map<String, RealtimePacer> pacers = new HashMap<>();
    private final Object wakeUpLock = new Object();
    private boolean wakeUpRequested;

    VideoSplitReader(DecodeSettings settings, ReaderMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public RecordsWithSplitIds<PositionedFrame> fetch() {
        return settings.realtime() ? fetchDueFrame() : fetchNextBatch();
    }

    private RecordsWithSplitIds<PositionedFrame> fetchNextBatch() {
        RecordsBySplits.Builder<PositionedFrame> records = new RecordsBySplits.Builder<>();
        Iterator<SplitDecoder> turn = decoders.values().iterator();
        if (!turn.hasNext()) {
            return records.build();
        }
        SplitDecoder decoder = turn.next();
        // Move this camera to the back of the queue for the next fetch.
        decoders.remove(decoder.splitId());
        decoders.put(decoder.splitId(), decoder);
        long bytes = 0;
        for (int i = 0; i < MAX_FRAMES_PER_FETCH && bytes < MAX_BYTES_PER_FETCH; i++) {
            PositionedFrame frame = decoder.next();
            if (frame == null) {
                finished(decoder, records);
                break;
            }
            records.add(decoder.splitId(), frame);
            bytes += frame.frame().pixels().length;
        }
        return records.build();
    }

    private RecordsWithSplitIds<PositionedFrame> fetchDueFrame() {
        RecordsBySplits.Builder<PositionedFrame> records = new RecordsBySplits.Builder<>();
        String dueSplit = null;
        long dueNanos = Long.MAX_VALUE;
        for (SplitDecoder decoder : new ArrayList<>(decoders.values())) {
            String id = decoder.splitId();
            PositionedFrame next = lookahead.computeIfAbsent(id, unused -> decoder.next());
            if (next == null) {
                lookahead.remove(id);
                finished(decoder, records);
                continue;
            }
            long due = next.frame().isDamaged()
                    ? Long.MIN_VALUE
                    : pacers.computeIfAbsent(id, unused -> new RealtimePacer()).dueNanos(next.frame().timestampMillis());
            if (dueSplit == null || due < dueNanos) {
                dueSplit = id;
                dueNanos = due;
            }
        }
        if (dueSplit != null && sleepUntil(dueNanos)) {
            records.add(dueSplit, lookahead.remove(dueSplit));
        }
        return records.build();
    }

    /** Waits until the given {@link System#nanoTime()}; false if woken up before. */
    private boolean sleepUntil(long dueNanos) {
        synchronized (wakeUpLock) {
            long waitNanos;
            while (!wakeUpRequested && (waitNanos = dueNanos - System.nanoTime()) > 0) {
                try {
                    wakeUpLock.wait(Math.max(1, waitNanos / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (wakeUpRequested) {
                wakeUpRequested = false;
                return false;
            }
            return true;
        }
    }

    private void finished(SplitDecoder decoder, RecordsBySplits.Builder<PositionedFrame> records) {
        decoder.close();
        decoders.remove(decoder.splitId());
        pacers.remove(decoder.splitId());
        records.addFinishedSplit(decoder.splitId());
    }

    @Override
    public void handleSplitsChanges(SplitsChange<VideoSplit> change) {
        if (!(change instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("unsupported split change " + change.getClass().getSimpleName());
        }
        List<VideoSplit> added = change.splits();
        for (VideoSplit split : added) {
            decoders.put(split.splitId(), new SplitDecoder(split, settings, metrics));
        }
    }

    @Override
    public void wakeUp() {
        synchronized (wakeUpLock) {
            wakeUpRequested = true;
            wakeUpLock.notifyAll();
        }
    }

    @Override
    public void close() {
        for (SplitDecoder decoder : decoders.values()) {
            decoder.close();
        }
        decoders.clear();
        lookahead.clear();
    }
}

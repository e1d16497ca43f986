package dev.vigil.operators.track.eval;

import dev.vigil.operators.track.ByteTracker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Says where a tracker's errors come from: for each ID switch the frame, the ground-truth object, the track it
 * had and where that track is now (lost, on another object, or beside it), and the track it got and when that
 * one was born; the false positives and misses grouped by track and by object. Fed by
 * {@link MotEvaluator#evaluate(List, List, double, MotEvaluator.Listener)}.
 */
public final class MotExplanation implements MotEvaluator.Listener {

    private record Switch(int frame, int gtId, int fromTrack, int toTrack, long fromLastFrame) {}

    /** The frames (as runs) and the best overlap of one track's false positives or one object's misses. */
    private static final class Run {
        int count;
        double bestIou;
        int bestIouWith = -1;
        final List<int[]> spans = new ArrayList<>();

        void add(int frame, double iou, int with) {
            count++;
            int[] open = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (open != null && open[1] >= frame - 1) {
                open[1] = frame;
            } else {
                spans.add(new int[] {frame, frame});
            }
            if (iou > bestIou) {
                bestIou = iou;
                bestIouWith = with;
            }
        }

        String spans() {
            StringBuilder b = new StringBuilder();
            for (int[] s : spans) {
                b.append(b.length() == 0 ? "" : ",").append(s[0] == s[1] ? "" + s[0] : s[0] + "-" + s[1]);
            }
            return b.toString();
        }
    }

    private final Map<Integer, Integer> lastTrackOf = new HashMap<>();
    private final Map<Integer, Integer> lastMatchFrameOf = new HashMap<>();
    private final Map<Integer, Integer> trackBorn = new HashMap<>();
    private final List<Switch> switches = new ArrayList<>();
    private final List<String> switchLines = new ArrayList<>();
    private final List<MotBox> frameFalsePositives = new ArrayList<>();
    private final List<MotBox> frameMisses = new ArrayList<>();
    private final Map<Integer, Integer> frameGtOfTrack = new HashMap<>();
    private final TreeMap<Integer, Run> falsePositivesByTrack = new TreeMap<>();
    private final TreeMap<Integer, Run> missesByObject = new TreeMap<>();

    @Override
    public void matched(int frame, MotBox gt, MotBox hyp, double iou, boolean switched) {
        if (switched) {
            switches.add(new Switch(frame, gt.id(), lastTrackOf.get(gt.id()), hyp.id(), lastMatchFrameOf.get(gt.id())));
        }
        lastTrackOf.put(gt.id(), hyp.id());
        lastMatchFrameOf.put(gt.id(), frame);
        frameGtOfTrack.put(hyp.id(), gt.id());
    }

    @Override
    public void falsePositive(int frame, MotBox hyp) {
        frameFalsePositives.add(hyp);
    }

    @Override
    public void missed(int frame, MotBox gt) {
        frameMisses.add(gt);
    }

    @Override
    public void frameDone(int frame, List<MotBox> gts, List<MotBox> hyps) {
        for (MotBox h : hyps) {
            trackBorn.putIfAbsent(h.id(), frame);
        }
        for (Switch s : switches) {
            switchLines.add(String.format(Locale.ROOT, "frame %d: object %d went from track %d (%s) to track %d "
                    + "(born frame %d)", s.frame, s.gtId, s.fromTrack, whereIs(s, gts, hyps), s.toTrack,
                    trackBorn.get(s.toTrack)));
        }
        for (MotBox h : frameFalsePositives) {
            MotBox nearest = nearest(h, gts);
            falsePositivesByTrack.computeIfAbsent(h.id(), id -> new Run()).add(frame,
                    nearest == null ? 0 : iou(h, nearest), nearest == null ? -1 : nearest.id());
        }
        for (MotBox g : frameMisses) {
            MotBox nearest = nearest(g, hyps);
            missesByObject.computeIfAbsent(g.id(), id -> new Run()).add(frame,
                    nearest == null ? 0 : iou(g, nearest), nearest == null ? -1 : nearest.id());
        }
        switches.clear();
        frameFalsePositives.clear();
        frameMisses.clear();
        frameGtOfTrack.clear();
    }

    /** Where the track an object lost is in the frame of the switch. */
    private String whereIs(Switch s, List<MotBox> gts, List<MotBox> hyps) {
        String seen = "last on it in frame " + s.fromLastFrame;
        Integer other = frameGtOfTrack.get(s.fromTrack);
        if (other != null) {
            return seen + "; now on object " + other;
        }
        for (MotBox h : hyps) {
            if (h.id() == s.fromTrack) {
                MotBox object = gts.stream().filter(g -> g.id() == s.gtId).findFirst().orElse(null);
                return String.format(Locale.ROOT, "%s; now unmatched, IoU %.2f with the object", seen,
                        object == null ? 0 : iou(h, object));
            }
        }
        return seen + "; not reported now";
    }

    private static MotBox nearest(MotBox box, List<MotBox> others) {
        MotBox best = null;
        double bestIou = 0;
        for (MotBox o : others) {
            double iou = iou(box, o);
            if (iou > bestIou) {
                best = o;
                bestIou = iou;
            }
        }
        return best;
    }

    private static double iou(MotBox a, MotBox b) {
        return ByteTracker.iou(a.corners(), b.corners());
    }

    /** The explanation, one line per switch, per track with false positives and per object with misses. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("ID switches: " + switchLines.size());
        switchLines.forEach(l -> lines.add("  " + l));
        lines.add("false positives by track (best IoU with an object in those frames):");
        falsePositivesByTrack.forEach((id, r) -> lines.add(String.format(Locale.ROOT,
                "  track %d: %d in frames %s (born frame %d), best IoU %.2f%s", id, r.count, r.spans(),
                trackBorn.get(id), r.bestIou, r.bestIouWith < 0 ? "" : " with object " + r.bestIouWith)));
        lines.add("misses by object (best IoU with a track in those frames):");
        missesByObject.forEach((id, r) -> lines.add(String.format(Locale.ROOT,
                "  object %d: %d in frames %s, best IoU %.2f%s", id, r.count, r.spans(), r.bestIou,
                r.bestIouWith < 0 ? "" : " with track " + r.bestIouWith)));
        return lines;
    }
}

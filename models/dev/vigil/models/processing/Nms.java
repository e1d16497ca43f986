package dev.vigil.models.processing;

import java.util.Arrays;

/**
 * Greedy class-aware non-maximum suppression: boxes are visited from the highest score down and a
 * box is dropped when it overlaps an already kept box <em>of the same class</em> by more than the
 * IoU threshold (torchvision {@code batched_nms} semantics). Boxes of different classes never
 * suppress each other.
 */
public final class Nms {

    private Nms() {}

    /**
     * @return indices of the kept candidates, highest score first, at most {@code maxDetections}
     */
    public static int[] classAware(Candidates candidates, float iouThreshold, int maxDetections) {
        int n = candidates.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Stable sort: equal scores keep decoding order, so results are deterministic.
        Arrays.sort(order, (a, b) -> Float.compare(candidates.score(b), candidates.score(a)));

        int[] kept = new int[Math.min(n, maxDetections)];
        int keptCount = 0;
        for (int k = 0; k < n && keptCount < kept.length; k++) {
            int candidate = order[k];
            if (!overlapsKept(candidates, candidate, kept, keptCount, iouThreshold)) {
                kept[keptCount++] = candidate;
            }
        }
        return Arrays.copyOf(kept, keptCount);
    }

    private static boolean overlapsKept(Candidates c, int candidate, int[] kept, int keptCount, float iouThreshold) {
        for (int j = 0; j < keptCount; j++) {
            if (c.classId(kept[j]) == c.classId(candidate) && c.iou(kept[j], candidate) > iouThreshold) {
                return true;
            }
        }
        return false;
    }
}

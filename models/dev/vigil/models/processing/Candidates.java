package dev.vigil.models.processing;

import java.util.Arrays;

/**
 * Growable struct-of-arrays of candidate boxes (class, score, corners) for one image, before NMS.
 * Reused between images so that decoding allocates nothing in the steady state.
 */
public final class Candidates {

    private int size;
    private int[] classIds = new int[64];
    private float[] scores = new float[64];
    private float[] boxes = new float[64 * 4];

    public void add(int classId, float score, float x1, float y1, float x2, float y2) {
        if (size == classIds.length) {
            int capacity = size * 2;
            classIds = Arrays.copyOf(classIds, capacity);
            scores = Arrays.copyOf(scores, capacity);
            boxes = Arrays.copyOf(boxes, capacity * 4);
        }
        classIds[size] = classId;
        scores[size] = score;
        int b = size * 4;
        boxes[b] = x1;
        boxes[b + 1] = y1;
        boxes[b + 2] = x2;
        boxes[b + 3] = y2;
        size++;
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public int classId(int i) {
        return classIds[i];
    }

    public float score(int i) {
        return scores[i];
    }

    public float x1(int i) {
        return boxes[i * 4];
    }

    public float y1(int i) {
        return boxes[i * 4 + 1];
    }

    public float x2(int i) {
        return boxes[i * 4 + 2];
    }

    public float y2(int i) {
        return boxes[i * 4 + 3];
    }

    /** Intersection over union of candidates {@code a} and {@code b} (0 when either is empty). */
    public float iou(int a, int b) {
        float ix = Math.min(x2(a), x2(b)) - Math.max(x1(a), x1(b));
        float iy = Math.min(y2(a), y2(b)) - Math.max(y1(a), y1(b));
        if (ix <= 0 || iy <= 0) {
            return 0;
        }
        float intersection = ix * iy;
        float union = area(a) + area(b) - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    private float area(int i) {
        return Math.max(0, x2(i) - x1(i)) * Math.max(0, y2(i) - y1(i));
    }
}

package dev.vigil.models;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * "Did you mean" support: edit distances between names and the known name nearest to a misspelt
 * one. Callers decide how near is near enough, since that depends on what the names are.
 */
public final class Suggestions {

    /** A known name and its edit distance from the name asked for. */
    public record Nearest(String name, int distance) {}

    private Suggestions() {}

    /**
     * The number of single-character insertions, deletions and substitutions that turn {@code a}
     * into {@code b}; with {@code swapIsOneEdit}, a swap of two neighbouring characters also counts
     * as one edit (optimal string alignment distance).
     */
    public static int editDistance(String a, String b, boolean swapIsOneEdit) {
        int[] beforePrevious = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                if (swapIsOneEdit && i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
                }
            }
            int[] recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }

    /**
     * The known name nearest to {@code wanted} (the first one on a tie), with both compared as
     * {@code compareAs} turns them; empty when there are no known names.
     */
    public static Optional<Nearest> nearest(String wanted, Iterable<String> known, UnaryOperator<String> compareAs,
            boolean swapIsOneEdit) {
        String target = compareAs.apply(wanted);
        Nearest best = null;
        for (String name : known) {
            int distance = editDistance(target, compareAs.apply(name), swapIsOneEdit);
            if (best == null || distance < best.distance()) {
                best = new Nearest(name, distance);
            }
        }
        return Optional.ofNullable(best);
    }
}

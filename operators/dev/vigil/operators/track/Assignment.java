package dev.vigil.operators.track;

import java.util.Arrays;

/**
 * Optimal assignment (minimum total cost) for rectangular cost matrices, with a cost limit: a pair
 * whose cost is above the limit is never matched, and leaving a row and a column unmatched is
 * preferred to matching them above the limit.
 *
 * <p>The solver is the shortest-augmenting-path form of the Hungarian method (the same family as
 * Jonker-Volgenant), O(n²m) for n rows and m ≥ n columns. The cost limit works like the
 * {@code cost_limit} of {@code lap.lapjv} that ByteTrack uses: costs are capped at the limit before
 * solving, which makes "unmatched" cost exactly the limit, and capped pairs are dropped afterwards.
 */
public final class Assignment {

    private Assignment() {}

    /**
     * Solves the assignment.
     *
     * @param cost cost[row][col]; rows may have any length as long as all are equal; NaN and
     *     infinity are allowed and mean "never"
     * @param limit largest cost that may still be matched
     * @return for each row, the matched column or -1
     */
    public static int[] solve(double[][] cost, double limit) {
        int rows = cost.length;
        int cols = rows == 0 ? 0 : cost[0].length;
        int[] rowToCol = new int[rows];
        Arrays.fill(rowToCol, -1);
        if (rows == 0 || cols == 0) {
            return rowToCol;
        }
        boolean transpose = rows > cols;
        int n = transpose ? cols : rows;
        int m = transpose ? rows : cols;
        double[][] a = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double c = transpose ? cost[j][i] : cost[i][j];
                a[i][j] = Double.isNaN(c) || c > limit ? limit : c;
            }
        }
        int[] assigned = hungarian(a, n, m);
        for (int i = 0; i < n; i++) {
            int j = assigned[i];
            int row = transpose ? j : i;
            int col = transpose ? i : j;
            double c = cost[row][col];
            if (!Double.isNaN(c) && c <= limit) {
                rowToCol[row] = col;
            }
        }
        return rowToCol;
    }

    /** Hungarian method with potentials; n ≤ m; returns the column of each row. */
    private static int[] hungarian(double[][] a, int n, int m) {
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1]; // p[j]: row (1-based) assigned to column j, 0 = none
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = a[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] result = new int[n];
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                result[p[j] - 1] = j - 1;
            }
        }
        return result;
    }
}

package dev.vigil.operators.track;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AssignmentTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void findsTheOptimumWhereGreedyFails() {
        // Greedy takes (0,0)=1 then (1,1)=10: total 11; the optimum is (0,1)+(1,0) = 2+3 = 5.
        double[][] cost = {{1, 2}, {3, 10}};
        assertThat(Assignment.solve(cost, 100)).containsExactly(1, 0);
    }

    @Test
    void classic3x3() {
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        // Optimum 1 + 2 + 2 = 5: row0->1, row1->0, row2->2.
        assertThat(Assignment.solve(cost, 100)).containsExactly(1, 0, 2);
    }

    @Test
    void moreColumnsThanRows() {
        double[][] cost = {{9, 1, 8, 7}, {6, 5, 1, 9}};
        assertThat(Assignment.solve(cost, 100)).containsExactly(1, 2);
    }

    @Test
    void moreRowsThanColumnsLeavesTheWorstRowUnmatched() {
        double[][] cost = {{1, 9}, {2, 1}, {0.5, 8}};
        // Best: row2->0 (0.5), row1->1 (1); row 0 unmatched.
        assertThat(Assignment.solve(cost, 100)).containsExactly(-1, 1, 0);
    }

    @Test
    void pairsAboveTheLimitAreNeverMatched() {
        double[][] cost = {{0.9, 0.3}, {0.95, 0.99}};
        assertThat(Assignment.solve(cost, 0.8)).containsExactly(1, -1);
    }

    @Test
    void leavingPairsUnmatchedBeatsForcingExpensiveOnes() {
        // Matching row0->1 and row1->0 would cost 0.7 + 0.7 = 1.4; row0->0 alone costs 0.1 + one
        // unmatched row at the limit 0.8 = 0.9, which is better.
        double[][] cost = {{0.1, 0.7}, {0.7, INF}};
        assertThat(Assignment.solve(cost, 0.8)).containsExactly(0, -1);
    }

    @Test
    void infinityAndNanMeanNever() {
        double[][] cost = {{INF, 0.2}, {Double.NaN, INF}};
        assertThat(Assignment.solve(cost, 1)).containsExactly(1, -1);
    }

    @Test
    void emptyInputs() {
        assertThat(Assignment.solve(new double[0][0], 1)).isEmpty();
        assertThat(Assignment.solve(new double[][] {{}, {}}, 1)).containsExactly(-1, -1);
    }

    @Test
    void agreesWithBruteForceOnRandomMatrices() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(5);
            int m = 1 + random.nextInt(5);
            double[][] cost = new double[n][m];
            for (double[] row : cost) {
                for (int j = 0; j < m; j++) {
                    row[j] = random.nextDouble();
                }
            }
            double limit = 0.3 + random.nextDouble() * 0.7;
            int[] got = Assignment.solve(cost, limit);
            assertThat(total(cost, got, limit)).isCloseTo(bruteForce(cost, 0, new boolean[m], limit),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /** Cost of an assignment where an unmatched row costs the limit. */
    private static double total(double[][] cost, int[] rowToCol, double limit) {
        double sum = 0;
        boolean[] used = new boolean[cost[0].length];
        for (int i = 0; i < rowToCol.length; i++) {
            if (rowToCol[i] < 0) {
                sum += limit;
            } else {
                assertThat(used[rowToCol[i]]).isFalse();
                used[rowToCol[i]] = true;
                assertThat(cost[i][rowToCol[i]]).isLessThanOrEqualTo(limit);
                sum += cost[i][rowToCol[i]];
            }
        }
        return sum;
    }

    private static double bruteForce(double[][] cost, int row, boolean[] used, double limit) {
        if (row == cost.length) {
            return 0;
        }
        double best = limit + bruteForce(cost, row + 1, used, limit);
        for (int j = 0; j < used.length; j++) {
            if (!used[j] && cost[row][j] <= limit) {
                used[j] = true;
                best = Math.min(best, cost[row][j] + bruteForce(cost, row + 1, used, limit));
                used[j] = false;
            }
        }
        return best;
    }
}

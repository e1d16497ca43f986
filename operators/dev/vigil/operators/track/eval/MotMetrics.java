package dev.vigil.operators.track.eval;

import java.util.Locale;

/**
 * CLEAR-MOT and identity metrics of one tracker output against ground truth.
 *
 * @param numGt ground-truth boxes evaluated
 * @param numHyp tracker boxes evaluated (after removing those on "don't care" objects)
 * @param tp matched boxes
 * @param fp tracker boxes not matched
 * @param fn ground-truth boxes not matched
 * @param idSwitches matches whose tracker id differs from the last id that ground-truth object was matched to
 * @param iouSum sum of the IoU of the matches (for MOTP)
 * @param gtTracks ground-truth trajectories
 * @param mostlyTracked trajectories matched in more than 80% of their frames
 * @param mostlyLost trajectories matched in less than 20% of their frames
 * @param idtp boxes matched under the best one-to-one pairing of trajectories (IDF1)
 */
public record MotMetrics(
        long numGt, long numHyp, long tp, long fp, long fn, long idSwitches, double iouSum,
        int gtTracks, int mostlyTracked, int mostlyLost, long idtp) {

    public double mota() {
        return numGt == 0 ? 0 : 1.0 - (double) (fn + fp + idSwitches) / numGt;
    }

    /** Mean IoU of the matches (MOTChallenge's MOTP; py-motmetrics reports 1 − this). */
    public double motp() {
        return tp == 0 ? 0 : iouSum / tp;
    }

    public double recall() {
        return numGt == 0 ? 0 : (double) tp / numGt;
    }

    public double precision() {
        return numHyp == 0 ? 0 : (double) tp / numHyp;
    }

    public long idfp() {
        return numHyp - idtp;
    }

    public long idfn() {
        return numGt - idtp;
    }

    public double idf1() {
        return numGt + numHyp == 0 ? 0 : 2.0 * idtp / (numGt + numHyp);
    }

    public double idp() {
        return numHyp == 0 ? 0 : (double) idtp / numHyp;
    }

    public double idr() {
        return numGt == 0 ? 0 : (double) idtp / numGt;
    }

    public int partiallyTracked() {
        return gtTracks - mostlyTracked - mostlyLost;
    }

    public static String header() {
        return String.format(Locale.ROOT, "%-28s %6s %6s %6s %6s %6s %6s %6s %3s %3s %3s %3s %5s %5s %4s",
                "", "MOTA", "MOTP", "IDF1", "IDP", "IDR", "Rcll", "Prcn", "GT", "MT", "PT", "ML", "FP", "FN", "IDsw");
    }

    public String row(String name) {
        return String.format(Locale.ROOT,
                "%-28s %5.1f%% %5.1f%% %5.1f%% %5.1f%% %5.1f%% %5.1f%% %5.1f%% %3d %3d %3d %3d %5d %5d %4d",
                name, 100 * mota(), 100 * motp(), 100 * idf1(), 100 * idp(), 100 * idr(), 100 * recall(),
                100 * precision(), gtTracks, mostlyTracked, partiallyTracked(), mostlyLost, fp, fn, idSwitches);
    }
}

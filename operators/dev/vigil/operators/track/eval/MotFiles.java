package dev.vigil.operators.track.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and writes MOTChallenge text files and {@code seqinfo.ini}. */
public final class MotFiles {

    private static final Pattern TRAILING_ZEROS = Pattern.compile("\\.?0+$");

    /** One MOTChallenge row; the score without trailing zeros (a score of 1 is written {@code 1}). */
    public static String line(long frame, long id, float x, float y, float w, float h, float score) {
        String conf = TRAILING_ZEROS.matcher(String.format(Locale.ROOT, "%.4f", score)).replaceAll("");
        return String.format(Locale.ROOT, "%d,%d,%.2f,%.2f,%.2f,%.2f,%s,-1,-1,-1", frame, id, x, y, w, h, conf);
    }

    private MotFiles() {}

    /**
     * Reads a MOTChallenge file: {@code frame, id, x, y, w, h, conf[, ...]}. A row with exactly 9
     * columns is MOT16/17 ground truth ({@code ..., consider, class, visibility}); any other width
     * (7 for MOT17 det.txt, 10 for 2DMOT2015 files whose last three columns are world coordinates)
     * has no class, which reads as 1 (pedestrian).
     */
    public static List<MotBox> read(Path file) throws IOException {
        List<MotBox> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] f = trimmed.split("\\s*,\\s*");
            if (f.length < 6) {
                throw new IOException(file + ":" + lineNo + ": expected at least 6 comma-separated columns");
            }
            try {
                double conf = f.length > 6 ? Double.parseDouble(f[6]) : 1;
                boolean mot17 = f.length == 9;
                int cls = mot17 ? (int) Double.parseDouble(f[7]) : 1;
                double vis = mot17 ? Double.parseDouble(f[8]) : -1;
                rows.add(new MotBox((int) Double.parseDouble(f[0]), (int) Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]), conf, cls, vis));
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + lineNo + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /** Writes tracker output rows as {@code frame,id,x,y,w,h,1,-1,-1,-1}, sorted by frame then id. */
    public static void writeTracks(Path file, List<MotBox> rows) throws IOException {
        List<MotBox> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> a.frame() != b.frame() ? Integer.compare(a.frame(), b.frame()) : Integer.compare(a.id(), b.id()));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (MotBox b : sorted) {
                out.write(line(b.frame(), b.id(), (float) b.x(), (float) b.y(), (float) b.w(),
                        (float) b.h(), 1f));
                out.newLine();
            }
        }
    }

    /** The {@code [Sequence]} keys of a seqinfo.ini (name, seqLength, frameRate, imWidth, ...); empty if absent. */
    public static Map<String, String> readSeqInfo(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.strip().startsWith(";") && !line.strip().startsWith("#")) {
                    values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }
}

package dev.vigil.job.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Why frames were rejected, from the rejects file: the reasons grouped by stage and by their wording with
 * the particulars taken out (numbers, quoted names), so that a thousand late frames are one row, with
 * how many records and frames each group has, its cameras and one full reason as an example.
 */
final class RejectReasons {

    private static final Pattern QUOTED = Pattern.compile("'[^']*'");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(\\.\\d+)?\\b");
    private static final int MAX_PATTERN = 140;

    /** One group of rejects. */
    static final class Group {
        final String stage;
        final String pattern;
        final String example;
        final TreeSet<String> cameras = new TreeSet<>();
        long records;
        long frames;

        Group(String stage, String pattern, String example) {
            this.stage = stage;
            this.pattern = pattern;
            this.example = example;
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private long records;
    private long frames;

    void accept(JsonNode reject) {
        String stage = reject.path("stage").asText("?");
        String reason = reject.path("reason").asText("");
        String pattern = pattern(reason);
        Group group = groups.computeIfAbsent(stage + "\n" + pattern, k -> new Group(stage, pattern, reason));
        long count = Math.max(1, reject.path("frames").asLong(1));
        group.records++;
        group.frames += count;
        group.cameras.add(reject.path("camera_id").asText());
        records++;
        frames += count;
    }

    /** A reason with its particulars replaced: {@code frame 12 of camera 'a'} → {@code frame N of camera '…'}. */
    static String pattern(String reason) {
        String general = NUMBER.matcher(QUOTED.matcher(reason).replaceAll("'…'")).replaceAll("N");
        return general.length() <= MAX_PATTERN ? general : general.substring(0, MAX_PATTERN - 1) + "…";
    }

    long records() {
        return records;
    }

    long frames() {
        return frames;
    }

    /** The groups, most frames first. */
    List<Group> groups() {
        List<Group> list = new ArrayList<>(groups.values());
        list.sort(Comparator.comparingLong((Group g) -> g.frames).reversed().thenComparing(g -> g.stage));
        return list;
    }
}

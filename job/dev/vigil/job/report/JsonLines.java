package dev.vigil.job.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads one of the job's JSON Lines outputs record by record, without holding the file in memory. A
 * line that is not a JSON object (the last line of a file cut off mid-write, say) is counted and skipped.
 */
final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a read found: the records handed on, and the lines that were not JSON objects. */
    record Read(long records, long unreadable) {}

    private JsonLines() {}

    static Read forEach(Path file, Consumer<JsonNode> each) throws IOException {
        long records = 0;
        long unreadable = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record;
                try {
                    record = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    unreadable++;
                    continue;
                }
                if (record == null || !record.isObject()) {
                    unreadable++;
                    continue;
                }
                each.accept(record);
                records++;
            }
        }
        return new Read(records, unreadable);
    }
}

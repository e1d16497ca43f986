package dev.vigil.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Grafana dashboard shipped in {@code k8s/monitoring/}, read as Grafana would import it. */
public record GrafanaDashboard(JsonNode json) {

    public static final Path FILE = Path.of("k8s", "monitoring", "vigil-dashboard.json");
    /** Flink's Prometheus reporter prefixes every metric with {@code flink_}. */
    private static final Pattern METRIC = Pattern.compile("\\bflink_[a-zA-Z0-9_:]+");

    public static GrafanaDashboard load() {
        try {
            return new GrafanaDashboard(new ObjectMapper().readTree(FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    /** Every panel, rows included, in order. */
    public List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        json.path("panels").forEach(panels::add);
        return panels;
    }

    /** Every PromQL expression: the panels' queries and the template variables' queries. */
    public List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : panels()) {
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
        }
        for (JsonNode variable : json.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                expressions.add(variable.path("query").path("query").asText());
                expressions.add(variable.path("definition").asText());
            }
        }
        return expressions;
    }

    /** The metric names the expressions read. */
    public Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions()) {
            Matcher metric = METRIC.matcher(expression);
            while (metric.find()) {
                names.add(metric.group());
            }
        }
        return names;
    }
}

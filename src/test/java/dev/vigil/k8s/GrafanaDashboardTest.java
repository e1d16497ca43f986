package dev.vigil.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard is one Grafana imports and lays out: a Prometheus data source variable, panels with
 * unique ids on the 24-column grid without overlaps, queries with their own reference ids, and only variables
 * that it defines. That the metrics it reads exist is {@code PrometheusMetricsIT}'s to show, against a real
 * cluster's scrape.
 */
class GrafanaDashboardTest {

    private static final Set<String> PANEL_TYPES = Set.of("row", "table", "stat", "timeseries", "state-timeline");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([a-zA-Z_]+)");

    private final GrafanaDashboard dashboard = GrafanaDashboard.load();

    @Test
    void importsAsADashboardWithAPrometheusDataSourceVariable() {
        JsonNode json = dashboard.json();
        assertThat(json.path("uid").asText()).matches("[a-z0-9-]{1,40}");
        assertThat(json.path("title").asText()).isNotBlank();
        assertThat(json.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        JsonNode datasource = variable("datasource");
        assertThat(datasource.path("type").asText()).isEqualTo("datasource");
        assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
    }

    @Test
    void everyPanelHasAUniqueIdAPlaceOnTheGridAndQueriesOfItsOwn() {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.panels()) {
            String name = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt())).as("id of %s", name).isTrue();
            assertThat(panel.path("type").asText()).as("type of %s", name).isIn(PANEL_TYPES);
            JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as("width of %s", name).isBetween(1, 24);
            assertThat(grid.path("h").asInt()).as("height of %s", name).isPositive();
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.path("description").asText()).as("description of %s", name).isNotBlank();
            assertThat(panel.path("datasource").path("uid").asText()).as(name).isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as("queries of %s", name).isNotEmpty();
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                assertThat(refIds.add(target.path("refId").asText())).as("refId in %s", name).isTrue();
                assertThat(balanced(target.path("expr").asText())).as("brackets of %s", target.path("expr")).isTrue();
            }
        }
    }

    @Test
    void noTwoPanelsOverlap() {
        List<JsonNode> panels = dashboard.panels();
        for (int i = 0; i < panels.size(); i++) {
            for (int j = i + 1; j < panels.size(); j++) {
                assertThat(overlap(panels.get(i).path("gridPos"), panels.get(j).path("gridPos")))
                        .as("%s and %s", panels.get(i).path("title"), panels.get(j).path("title")).isFalse();
            }
        }
    }

    @Test
    void usesOnlyVariablesItDefinesAndTaskManagerMetrics() {
        Set<String> defined = new TreeSet<>();
        dashboard.json().path("templating").path("list").forEach(v -> defined.add(v.path("name").asText()));
        for (String expression : dashboard.expressions()) {
            Matcher variable = VARIABLE.matcher(expression);
            while (variable.find()) {
                assertThat(defined).as("variable in %s", expression).contains(variable.group(1));
            }
        }
        dashboard.panels().forEach(panel -> assertThat(panel.path("datasource").path("uid").asText("${datasource}"))
                .isEqualTo("${datasource}"));
        assertThat(dashboard.metricNames()).isNotEmpty().allSatisfy(metric ->
                assertThat(metric).startsWith("flink_taskmanager_job_task_"));
    }

    private JsonNode variable(String name) {
        for (JsonNode variable : dashboard.json().path("templating").path("list")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("no template variable " + name);
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
    }

    private static boolean balanced(String expression) {
        StringBuilder open = new StringBuilder();
        boolean quoted = false;
        for (char c : expression.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && "({[".indexOf(c) >= 0) {
                open.append(c);
            } else if (!quoted && ")}]".indexOf(c) >= 0) {
                if (open.isEmpty() || "({[".indexOf(open.charAt(open.length() - 1)) != ")}]".indexOf(c)) {
                    return false;
                }
                open.setLength(open.length() - 1);
            }
        }
        return open.isEmpty() && !quoted;
    }
}

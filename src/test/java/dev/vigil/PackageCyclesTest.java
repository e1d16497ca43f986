package dev.vigil;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No two packages of Vigil's code depend on each other, directly or through others: every reference to
 * a Vigil class from another package (an import, a qualified name, an annotation's class literal)
 * counts. The build fails on a cycle and names the packages in it.
 */
class PackageCyclesTest {

    private static final List<String> SOURCE_ROOTS = List.of("models", "sources", "operators", "sinks", "job");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.vigil(?:\\.[a-z]\\w*)+)\\.([A-Z]\\w*)");

    @Test
    void thereAreNoCyclesBetweenPackages() {
        Map<String, Set<String>> dependencies = dependencies();
        assertThat(dependencies).as("packages found").hasSizeGreaterThan(15);

        assertThat(cycles(dependencies)).as("package cycles").isEmpty();
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", Set.of("b"));
        graph.put("b", Set.of("c"));
        graph.put("c", Set.of("a"));
        graph.put("d", Set.of("a"));

        assertThat(cycles(graph)).containsExactly(new TreeSet<>(List.of("a", "b", "c")));
    }

    /** Package to the other Vigil packages it references. */
    private static Map<String, Set<String>> dependencies() {
        Map<String, String> source = new HashMap<>();
        Map<String, String> packageOf = new HashMap<>();
        for (String root : SOURCE_ROOTS) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    Matcher pkg = PACKAGE.matcher(text);
                    if (pkg.find()) {
                        String name = file.getFileName().toString().replace(".java", "");
                        packageOf.put(pkg.group(1) + "." + name, pkg.group(1));
                        source.put(file.toString(), text);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Set<String>> dependencies = new TreeMap<>();
        for (String text : source.values()) {
            Matcher pkg = PACKAGE.matcher(text);
            pkg.find();
            Set<String> used = dependencies.computeIfAbsent(pkg.group(1), p -> new TreeSet<>());
            Matcher reference = REFERENCE.matcher(text);
            while (reference.find()) {
                String target = reference.group(1);
                if (!target.equals(pkg.group(1)) && packageOf.containsKey(target + "." + reference.group(2))) {
                    used.add(target);
                }
            }
        }
        return dependencies;
    }

    /** The strongly connected components of more than one package (Tarjan). */
    private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> cycles = new ArrayList<>();
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, cycles);
            }
        }
        return cycles;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> cycles) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, cycles);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }
}

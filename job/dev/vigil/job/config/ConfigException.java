package dev.vigil.job.config;

import java.util.List;

/** A configuration that cannot run, with every problem found (not just the first). */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(format(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each starting with the key path it is about. */
    public List<String> problems() {
        return problems;
    }

    private static String format(String source, List<String> problems) {
        StringBuilder text = new StringBuilder();
        text.append(source).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems");
        for (String p : problems) {
            // Continuation lines of a multi-line problem are indented under it.
            text.append(System.lineSeparator()).append("  - ")
                    .append(p.replace("\n", System.lineSeparator() + "      "));
        }
        return text.toString();
    }
}

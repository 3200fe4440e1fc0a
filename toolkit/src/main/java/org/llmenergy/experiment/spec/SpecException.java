package org.llmenergy.experiment.spec;

import java.util.List;

/**
 * A sweep spec that cannot be used. The message names the file and, for each problem, the field path, for
 * example {@code fig2.json: cells.grid.batch[2]: must be > 0, got -1}.
 */
public final class SpecException extends RuntimeException {
    private final String source;
    private final List<String> problems;

    /**
     * @param source   the spec file (or other source) name
     * @param problems one entry per problem, each starting with the field path
     */
    public SpecException(String source, List<String> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** @return the spec's file name */
    public String source() { return source; }

    /** @return every problem found, each starting with its field path */
    public List<String> problems() { return problems; }

    private static String message(String source, List<String> problems) {
        if (problems.size() == 1) return source + ": " + problems.get(0);
        return source + " has " + problems.size() + " problems:\n  " + String.join("\n  ", problems);
    }
}

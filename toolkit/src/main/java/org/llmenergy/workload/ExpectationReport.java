package org.llmenergy.workload;

import java.util.List;

/**
 * The comparison of a trace's statistics with an expectation.
 *
 * @param expectation the expectation's name, for example {@code paper:azure-chat}
 * @param citation    where the expected values come from
 * @param comparisons one per statistic
 */
public record ExpectationReport(String expectation, String citation, List<StatComparison> comparisons) {
    public ExpectationReport {
        comparisons = List.copyOf(comparisons);
    }

    /** @return true when every statistic is within tolerance */
    public boolean passed() { return comparisons.stream().allMatch(StatComparison::withinTolerance); }

    /** @return the statistics outside tolerance */
    public List<StatComparison> failures() {
        return comparisons.stream().filter(c -> !c.withinTolerance()).toList();
    }
}

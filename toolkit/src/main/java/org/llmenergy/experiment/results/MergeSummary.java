package org.llmenergy.experiment.results;

import java.util.List;

/**
 * What {@link ResultsMerger#merge} did.
 *
 * @param recordsRead records read from all inputs
 * @param duplicates  records dropped because an earlier one had the same identity
 * @param recordsOut  records written
 * @param skipped     lines of the inputs that were not records
 */
public record MergeSummary(int recordsRead, int duplicates, int recordsOut, List<SkippedLine> skipped) {
    public MergeSummary {
        skipped = List.copyOf(skipped);
    }
}

package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.SkippedLine;
import org.llmenergy.experiment.spec.Shard;

import java.util.List;

/**
 * What one {@link SweepRunner#run} did.
 *
 * @param specHash       the spec's hash
 * @param shard          the shard run
 * @param cellsInShard   cells in the shard
 * @param cellsSkipped   cells already finished in the results file
 * @param cellsMeasured  cells this run finished with measurements
 * @param cellsFailed    cells this run recorded as failures (crashed ones included)
 * @param cellsCrashed   of those, cells found started but never finished (the process died in them)
 * @param recordsWritten records appended
 * @param skippedLines   lines of the existing results file that were not records (reported, not fatal)
 */
public record SweepSummary(String specHash, Shard shard, int cellsInShard, int cellsSkipped, int cellsMeasured,
                           int cellsFailed, int cellsCrashed, int recordsWritten, List<SkippedLine> skippedLines) {
    public SweepSummary {
        skippedLines = List.copyOf(skippedLines);
    }
}

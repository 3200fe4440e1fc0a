package org.llmenergy.experiment.results;

import org.llmenergy.experiment.spec.BatchSize;

import java.util.List;

/**
 * How a cell's batch size was settled, recorded with every record of the cell.
 *
 * @param requested      the spec's batch size ({@code "max"} for the largest that fits)
 * @param predicted      the memory model's predicted largest batch, or null
 * @param predictionNote why {@code predicted} is null, else null
 * @param resolved       the batch size run, or null when none fits
 * @param method         {@code fixed} (given by the spec), {@code probed} (searched now) or {@code reused}
 *                       (taken from this cell's earlier records when resuming)
 * @param attempts       the probe runs, in order (empty unless probed)
 */
public record BatchResolution(BatchSize requested, Integer predicted, String predictionNote, Integer resolved,
                              String method, List<ProbeAttempt> attempts) {
    public BatchResolution {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}

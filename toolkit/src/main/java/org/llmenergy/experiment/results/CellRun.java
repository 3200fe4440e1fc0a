package org.llmenergy.experiment.results;

import java.util.Objects;
import org.llmenergy.energy.EnergyFigure;

/**
 * What a {@link org.llmenergy.experiment.protocol.CellExecutor} reports for one {@link org.llmenergy.experiment.protocol.RunPlan}: counts, times and gross energy readings. Times
 * come from the executor because only it can synchronise with the device before reading a clock
 * (measurement-and-anchors.md pitfall 6).
 *
 * @param examples       requests completed, {@code batchSize × batches}
 * @param inputTokens    prompt tokens processed
 * @param outputTokens   tokens generated (must equal examples × the plan's output tokens)
 * @param e2eS           wall time of the whole run, seconds (device synchronised)
 * @param prefillS       time spent in prefill, summed over batches, seconds; null when not timed
 * @param decodeS        time spent in decode steps, summed over batches, seconds; null when not timed
 * @param energy         energy of the whole-run window (gross)
 * @param prefillEnergy  energy of the prefill phase windows, summed over batches (gross)
 * @param decodeEnergy   energy of the decode phase windows, summed over batches (gross)
 */
public record CellRun(int examples, long inputTokens, long outputTokens, double e2eS, Double prefillS,
                      Double decodeS, EnergyFigure energy, EnergyFigure prefillEnergy,
                      EnergyFigure decodeEnergy) {
    public CellRun {
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(prefillEnergy, "prefillEnergy");
        Objects.requireNonNull(decodeEnergy, "decodeEnergy");
        if (!(e2eS >= 0)) throw new IllegalArgumentException("e2eS must be >= 0, got " + e2eS);
    }

    /** @return a run that was timed but not metered (probes and warm-up) */
    public static CellRun unmetered(int examples, long inputTokens, long outputTokens, double e2eS, String reason) {
        EnergyFigure none = EnergyFigure.unavailable(reason);
        return new CellRun(examples, inputTokens, outputTokens, e2eS, null, null, none, none, none);
    }
}

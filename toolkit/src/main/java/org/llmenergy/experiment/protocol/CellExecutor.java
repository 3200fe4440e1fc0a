package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.CellRun;
import org.llmenergy.experiment.spec.Cell;

import java.util.Map;

/**
 * The seam between the protocol and an inference engine with its energy meter. An implementation runs one
 * {@link RunPlan} for a {@link Cell} and reports times, token counts and gross energy; the protocol
 * ({@link CellProtocol}) decides what to run, in what order, how often, and derives every figure.
 *
 * <p>Contract:
 * <ul>
 *   <li>Run exactly {@code plan.batches()} batches of {@code plan.batchSize()} requests with exactly
 *       {@code plan.inputTokens()} prompt tokens and exactly {@code plan.outputTokens()} generated tokens each;
 *       the cell gives the model, device, dtype, engine flags and decoding ({@code cell.batch()},
 *       {@code cell.input()} and {@code cell.output()} are the cell's nominal values; the plan's win).</li>
 *   <li>When {@code plan.measureEnergy()}, return {@link CellRun#energy()} for one window around all batches,
 *       device synchronised at both ends; when {@code plan.phaseWindows()}, also the summed prefill and decode
 *       windows. A reading that cannot be taken is {@link org.llmenergy.energy.EnergyFigure#unavailable} with a reason, never 0.</li>
 *   <li>Readings are gross (provenance {@code netOfIdle == false}); the protocol subtracts idle power.</li>
 *   <li>Throw {@link CellFailure} of kind {@link CellFailure.Kind#OUT_OF_MEMORY} when a batch does not fit
 *       (the prober bisects on it), and another kind for other failures. The executor must stay usable for
 *       the next cell after a failure.</li>
 *   <li>Caching loaded models between calls is the executor's business; the protocol calls it from one
 *       thread.</li>
 * </ul>
 */
public interface CellExecutor extends AutoCloseable {

    /**
     * @param cell the cell (model, device, dtype, flags, decoding)
     * @param plan what to run
     * @return the run's counts, times and gross energy
     * @throws CellFailure          when the run cannot be done
     * @throws InterruptedException when the thread is interrupted
     */
    CellRun execute(Cell cell, RunPlan plan) throws CellFailure, InterruptedException;

    /**
     * What the executor knows about its engine, for the results' environment: for example
     * {@code engine=PyTorch}, {@code engineVersion=2.7.1}, {@code device=cpu()}, {@code meter=rapl}.
     *
     * @return name to value; empty when the executor reports nothing
     */
    default Map<String, String> describe() { return Map.of(); }

    /** Releases models and devices. */
    @Override
    default void close() {}
}

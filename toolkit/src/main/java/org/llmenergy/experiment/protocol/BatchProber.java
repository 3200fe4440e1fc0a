package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.BatchResolution;
import org.llmenergy.experiment.results.ProbeAttempt;
import org.llmenergy.experiment.spec.BatchProbeSpec;
import org.llmenergy.experiment.spec.Cell;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Finds the largest batch B(I, O) that fits (the paper runs each bin at it, digest §3.5, but does not say how
 * it was found, §9 item 4). The search starts at the memory model's prediction, capped to
 * {@link BatchProbeSpec#cap()}:
 * <ol>
 *   <li>if the start fits and probing up is on (always when there is no prediction), double until a batch
 *       fails or the cap is reached;</li>
 *   <li>between the largest batch that fitted and the smallest that failed, bisect until they are adjacent.</li>
 * </ol>
 * Each try runs one full-length batch (I prompt tokens, O generated tokens), since the KV cache at the end of
 * generation is what runs out. Only {@link CellFailure.Kind#OUT_OF_MEMORY} counts as "does not fit"; any other
 * failure ends the search and fails the cell.
 */
final class BatchProber {
    private final CellExecutor executor;
    private final BatchPredictor predictor;
    private final BatchProbeSpec spec;

    BatchProber(CellExecutor executor, BatchPredictor predictor, BatchProbeSpec spec) {
        this.executor = executor;
        this.predictor = predictor;
        this.spec = spec;
    }

    /** @return the prediction for a cell, recorded for fixed cells too */
    BatchResolution predictOnly(Cell cell) {
        OptionalInt p = predictor.predictMaxBatch(cell);
        return new BatchResolution(cell.batch(), p.isPresent() ? p.getAsInt() : null,
                p.isPresent() ? null : "no batch prediction (no memory model for this backend or cell)",
                cell.batch().fixed(), "fixed", List.of());
    }

    /**
     * @param cell a cell whose batch is {@link org.llmenergy.experiment.spec.BatchSize#LARGEST}
     * @return the resolution with every attempt; {@code resolved} is null when not even a batch of 1 fits
     * @throws CellFailure when the engine fails other than by running out of memory
     */
    BatchResolution resolve(Cell cell) throws CellFailure, InterruptedException {
        OptionalInt p = predictor.predictMaxBatch(cell);
        Integer predicted = p.isPresent() ? p.getAsInt() : null;
        int start = predicted == null ? 1 : Math.max(1, Math.min(predicted, spec.cap()));
        boolean up = spec.probeUp() || predicted == null;
        List<ProbeAttempt> attempts = new ArrayList<>();

        int fits = 0;          // largest batch known to fit, 0 for none
        int fails = -1;        // smallest batch known not to fit, -1 for none
        if (tryBatch(cell, start, attempts)) {
            fits = start;
            while (up && fits < spec.cap()) {
                int next = (int) Math.min((long) fits * 2, spec.cap());
                if (tryBatch(cell, next, attempts)) fits = next;
                else {
                    fails = next;
                    break;
                }
            }
        } else {
            fails = start;
        }
        while (fails > 0 && fails - fits > 1) {
            int mid = fits + (fails - fits) / 2;
            if (tryBatch(cell, mid, attempts)) fits = mid;
            else fails = mid;
        }
        return new BatchResolution(cell.batch(), predicted,
                predicted == null ? "no batch prediction (no memory model for this backend or cell)" : null,
                fits == 0 ? null : fits, "probed", attempts);
    }

    private boolean tryBatch(Cell cell, int batch, List<ProbeAttempt> attempts) throws CellFailure, InterruptedException {
        RunPlan plan = new RunPlan(RunPlan.Purpose.PROBE, batch, 1, cell.input(), cell.output(), false, false);
        try {
            executor.execute(cell, plan);
            attempts.add(new ProbeAttempt(batch, true, null));
            return true;
        } catch (CellFailure f) {
            if (f.kind() != CellFailure.Kind.OUT_OF_MEMORY) throw f;
            attempts.add(new ProbeAttempt(batch, false, f.getMessage()));
            return false;
        }
    }
}

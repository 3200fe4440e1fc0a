package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.progress.ProgressListener;
import org.llmenergy.experiment.progress.ProgressSnapshot;
import org.llmenergy.experiment.results.ResultRecord;

/** Counts a sweep's progress and tells the listener; the ETA extrapolates the mean time per finished repeat. */
final class ProgressTracker implements CellProtocol.Events {
    private final ProgressListener listener;
    private final int cellsTotal;
    private final int cellsSkipped;
    private final int repeatsTotal;
    private final long startNanos = System.nanoTime();
    private int cellsDone;
    private int cellsFailed;
    private int repeatsDone;
    private String cell;
    private String stage = "start";

    ProgressTracker(ProgressListener listener, int cellsTotal, int cellsSkipped, int repeatsTotal) {
        this.listener = listener;
        this.cellsTotal = cellsTotal;
        this.cellsSkipped = cellsSkipped;
        this.repeatsTotal = repeatsTotal;
    }

    void cell(String label) {
        cell = label;
    }

    /** A cell ended; a failed one counts its remaining repeats as done so the bar still reaches the end. */
    void cellDone(boolean failed, int repeatsLeft) {
        cellsDone++;
        if (failed) {
            cellsFailed++;
            repeatsDone += repeatsLeft;
        }
        emit();
    }

    void done() {
        cell = null;
        stage = "done";
        emit();
    }

    @Override
    public void stage(String stage) {
        this.stage = stage;
        emit();
    }

    @Override
    public void repeatDone() {
        repeatsDone++;
        emit();
    }

    void record(ResultRecord r) { listener.onRecord(r); }

    private void emit() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        Double eta = repeatsDone == 0 ? null : elapsed / repeatsDone * (repeatsTotal - repeatsDone);
        listener.onProgress(new ProgressSnapshot(cellsTotal, cellsSkipped, cellsDone, cellsFailed, repeatsTotal,
                repeatsDone, elapsed, eta, cell, stage));
    }
}

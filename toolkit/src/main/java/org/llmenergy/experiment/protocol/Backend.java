package org.llmenergy.experiment.protocol;

import java.util.Objects;

/**
 * Everything a sweep needs from the engine side: the executor, the idle baseline and the batch predictor.
 *
 * @param executor       runs cells and meters them
 * @param idleBaseline   measures idle power
 * @param batchPredictor predicts B(I, O)
 */
public record Backend(CellExecutor executor, IdleProbe idleBaseline, BatchPredictor batchPredictor)
        implements AutoCloseable {
    public Backend {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(idleBaseline, "idleBaseline");
        Objects.requireNonNull(batchPredictor, "batchPredictor");
    }

    @Override
    public void close() { executor.close(); }
}

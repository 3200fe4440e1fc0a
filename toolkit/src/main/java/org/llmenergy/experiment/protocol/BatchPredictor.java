package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.spec.Cell;

import java.util.OptionalInt;

/**
 * Predicts the largest batch that fits for a cell's model, device, dtype and lengths (the seam to
 * {@code model.MemoryModel}). The prediction is where probing starts; probing confirms it.
 */
@FunctionalInterface
public interface BatchPredictor {
    /** A predictor that never predicts. */
    BatchPredictor NONE = cell -> OptionalInt.empty();

    /**
     * @param cell the cell (its batch field is ignored)
     * @return the predicted largest batch, sequences, or empty when there is no prediction
     */
    OptionalInt predictMaxBatch(Cell cell);
}

package org.llmenergy.experiment.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a sweep's cell shapes come from; any combination of the three sources, at least one.
 *
 * @param grid       a batch × input × output grid, or null
 * @param fromBins   the bins of a binned workload, or null
 * @param controlled the paper's controlled sweeps, or null
 */
public record CellsSpec(GridSpec grid, BinsSpec fromBins, ControlledSpec controlled) {
    /** @return the shapes of the grid, then the bins, then the controlled sweeps (duplicates kept) */
    public List<CellShape> shapes() {
        List<CellShape> shapes = new ArrayList<>();
        if (grid != null) shapes.addAll(grid.shapes());
        if (fromBins != null) shapes.addAll(fromBins.shapes());
        if (controlled != null) shapes.addAll(controlled.shapes());
        return shapes;
    }
}

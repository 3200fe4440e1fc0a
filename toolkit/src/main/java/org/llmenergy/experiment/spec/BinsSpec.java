package org.llmenergy.experiment.spec;

import java.util.ArrayList;
import java.util.List;
import org.llmenergy.workload.BinCount;

/**
 * Cells derived from a binned workload: one cell per non-empty (I*, O*) bin and batch size. The paper runs
 * each bin at the largest batch that fits, B(I*, O*) (digest §3.5), so the batch defaults to "max".
 *
 * @param file  the bins CSV as the spec names it (relative to the spec's folder)
 * @param batch batch sizes to run every bin at
 * @param bins  the bins read from the file, in file order; the spec hash covers them
 */
public record BinsSpec(String file, List<BatchSize> batch, List<BinCount> bins) {
    public BinsSpec {
        batch = List.copyOf(batch);
        bins = List.copyOf(bins);
    }

    /** @return every (batch, I*, O*) with a non-empty bin, batch outermost */
    public List<CellShape> shapes() {
        List<CellShape> shapes = new ArrayList<>();
        for (BatchSize b : batch) {
            for (BinCount bin : bins) {
                if (bin.requests() > 0) shapes.add(new CellShape(b, bin.inputBin(), bin.outputBin()));
            }
        }
        return shapes;
    }
}

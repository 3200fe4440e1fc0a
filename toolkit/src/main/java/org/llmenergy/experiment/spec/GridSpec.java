package org.llmenergy.experiment.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Cells as the full grid batch × input × output.
 *
 * @param batch  batch sizes (or "max")
 * @param input  prompt lengths, tokens
 * @param output generated lengths, tokens
 */
public record GridSpec(List<BatchSize> batch, List<Integer> input, List<Integer> output) {
    public GridSpec {
        batch = List.copyOf(batch);
        input = List.copyOf(input);
        output = List.copyOf(output);
    }

    /** @return every (batch, input, output), batch outermost, in the order the lists give */
    public List<CellShape> shapes() {
        List<CellShape> shapes = new ArrayList<>();
        for (BatchSize b : batch) for (int i : input) for (int o : output) shapes.add(new CellShape(b, i, o));
        return shapes;
    }
}

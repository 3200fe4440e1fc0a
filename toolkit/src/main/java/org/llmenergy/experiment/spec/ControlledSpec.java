package org.llmenergy.experiment.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper's controlled sweeps (digest §2.2): input lengths in powers of two with the output fixed (the
 * paper fixes it at 64 or 8), and output lengths in powers of two with the input fixed (512 or 64). Either
 * sweep may be absent.
 *
 * @param batch   batch sizes (the paper's figures show 1, 8, 64, 128)
 * @param inputs  the input-length sweep, or null
 * @param outputs the output-length sweep, or null
 */
public record ControlledSpec(List<BatchSize> batch, InputSweep inputs, OutputSweep outputs) {
    public ControlledSpec {
        batch = List.copyOf(batch);
    }

    /**
     * Inputs 2^k from {@code minInput} to {@code maxInput} (both powers of two), each with every fixed output.
     *
     * @param fixedOutput output lengths held fixed, tokens (paper: 64 and 8)
     * @param minInput    smallest input, tokens (default 1)
     * @param maxInput    largest input, tokens (paper: 32,768)
     */
    public record InputSweep(List<Integer> fixedOutput, int minInput, int maxInput) {
        public InputSweep {
            fixedOutput = List.copyOf(fixedOutput);
        }
    }

    /**
     * Outputs O = 2^k from {@code minOutput} to {@code maxOutput} (powers of two), each with every fixed input.
     * A run of O tokens has O − 1 decode steps after the prefill's first token, so these cells sit at the
     * paper's decode x-positions 1, 3, 7, …, 4095 = 2^k − 1 (digest §2.2).
     *
     * @param fixedInput input lengths held fixed, tokens (paper: 512 and 64)
     * @param minOutput  smallest output, tokens (default 2: one decode token)
     * @param maxOutput  largest output, tokens (paper: 4,096, i.e. 4,095 decode tokens)
     */
    public record OutputSweep(List<Integer> fixedInput, int minOutput, int maxOutput) {
        public OutputSweep {
            fixedInput = List.copyOf(fixedInput);
        }
    }

    /** @return the powers of two from {@code min} to {@code max}, both included (both must be powers of two) */
    public static List<Integer> powersOfTwo(int min, int max) {
        List<Integer> values = new ArrayList<>();
        for (long v = min; v <= max; v *= 2) values.add((int) v);
        return values;
    }

    /**
     * @return the input sweep's shapes (for each fixed output, each batch, each input), then the output
     *         sweep's (for each fixed input, each batch, each output)
     */
    public List<CellShape> shapes() {
        List<CellShape> shapes = new ArrayList<>();
        if (inputs != null) {
            for (int o : inputs.fixedOutput()) for (BatchSize b : batch)
                for (int i : powersOfTwo(inputs.minInput(), inputs.maxInput())) shapes.add(new CellShape(b, i, o));
        }
        if (outputs != null) {
            for (int i : outputs.fixedInput()) for (BatchSize b : batch)
                for (int o : powersOfTwo(outputs.minOutput(), outputs.maxOutput())) shapes.add(new CellShape(b, i, o));
        }
        return shapes;
    }
}

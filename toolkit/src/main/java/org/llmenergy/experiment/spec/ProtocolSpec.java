package org.llmenergy.experiment.spec;

/**
 * How each cell is measured (digest §2.6).
 *
 * @param warmupBatches        batches run before measuring, at most (paper: "up to 20"; 4 for Qwen-32B). The
 *                             protocol runs {@code min(warmupBatches, batches of one repeat)}: it never warms up
 *                             longer than it measures (our reading of "up to")
 * @param repeats              measured repetitions per cell (paper: the mean of 3)
 * @param cooldownSeconds      pause between cells, seconds, so that heat from one cell does not bias the next
 *                             (not in the paper; see measurement-and-anchors.md pitfall 5)
 * @param idleBaselineSeconds  length of the idle-power measurement taken before the first cell, seconds; 0 skips
 *                             it and leaves net-of-idle figures absent (the paper reports raw energy)
 * @param examplesPerCell      requests per measured repeat (paper: 1,024); energies are also normalised to it
 * @param largeBatchThreshold  batches larger than this run {@code largeBatchExamples} (paper: 256)
 * @param largeBatchExamples   requests per repeat above the threshold, normalised back to
 *                             {@code examplesPerCell} (paper: 4,096, footnote 2)
 * @param phaseWindows         also measure prefill and decode directly, with phase windows inside the full run
 */
public record ProtocolSpec(int warmupBatches, int repeats, double cooldownSeconds, double idleBaselineSeconds,
                           int examplesPerCell, int largeBatchThreshold, int largeBatchExamples,
                           boolean phaseWindows) {
    /** The paper's protocol, with a 10 s cooldown and a 10 s idle baseline added. */
    public static final ProtocolSpec PAPER = new ProtocolSpec(20, 3, 10, 10, 1024, 256, 4096, true);

    public ProtocolSpec {
        if (warmupBatches < 0) throw new IllegalArgumentException("warmupBatches must be >= 0");
        if (repeats <= 0) throw new IllegalArgumentException("repeats must be > 0");
        if (!(cooldownSeconds >= 0)) throw new IllegalArgumentException("cooldownSeconds must be >= 0");
        if (!(idleBaselineSeconds >= 0)) throw new IllegalArgumentException("idleBaselineSeconds must be >= 0");
        if (examplesPerCell <= 0) throw new IllegalArgumentException("examplesPerCell must be > 0");
        if (largeBatchThreshold <= 0) throw new IllegalArgumentException("largeBatchThreshold must be > 0");
        if (largeBatchExamples <= 0) throw new IllegalArgumentException("largeBatchExamples must be > 0");
    }

    /** @return requests to run per repeat at batch size {@code batch} */
    public int examplesFor(int batch) { return batch > largeBatchThreshold ? largeBatchExamples : examplesPerCell; }

    /** @return batches per repeat: enough whole batches to cover {@link #examplesFor(int)} */
    public int batchesFor(int batch) { return (examplesFor(batch) + batch - 1) / batch; }

    /** @return warm-up batches for a cell at batch size {@code batch} */
    public int warmupBatchesFor(int batch) { return Math.min(warmupBatches, batchesFor(batch)); }
}

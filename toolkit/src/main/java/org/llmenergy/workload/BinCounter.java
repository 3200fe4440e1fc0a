package org.llmenergy.workload;

/**
 * Counts requests per (input bin, output bin) while a trace streams through it; constant memory. Not
 * thread-safe: one counter per pass.
 */
public final class BinCounter implements LengthSink {
    private final Binning binning;
    private final int outputs;
    private final long[] counts;
    private final boolean clip;
    private long inputOnly;
    private long outputOnly;
    private long both;

    BinCounter(Binning binning) {
        this.binning = binning;
        this.outputs = binning.outputCount();
        this.counts = new long[binning.inputCount() * outputs];
        this.clip = binning.overflow() == OverflowPolicy.CLIP;
    }

    @Override
    public void accept(int input, int output) {
        int i = binning.inputIndex(input);
        int o = binning.outputIndex(output);
        if ((i | o) < 0) {
            if (i < 0 && o < 0) both++;
            else if (i < 0) inputOnly++;
            else outputOnly++;
            if (!clip) return;
            if (i < 0) i = binning.inputCount() - 1;
            if (o < 0) o = outputs - 1;
        }
        counts[i * outputs + o]++;
    }

    /** @return the counts so far */
    public BinnedWorkload result() {
        return new BinnedWorkload(binning, counts.clone(), new OverflowCounts(inputOnly, outputOnly, both));
    }
}

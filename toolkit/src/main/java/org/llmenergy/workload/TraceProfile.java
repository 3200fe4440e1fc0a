package org.llmenergy.workload;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one pass over a trace yields: the exact input and output length distributions (for Tables
 * 1–2 and the empirical CDFs of Figure 7) and the binned workload (for the estimator and the binned CDFs).
 * The statistics cover every request read (after {@code dropFailed}), overflowing ones included, as the
 * paper's tables describe the raw traces.
 *
 * @param source what was asked for: a catalog id or a path
 * @param path   the file read
 * @param format the layout it was read as
 * @param read   rows read and dropped
 * @param input  the input length distribution
 * @param output the output length distribution
 * @param binned requests per bin
 */
public record TraceProfile(String source, Path path, TraceFormat format, ReadSummary read, LengthDistribution input,
                           LengthDistribution output, BinnedWorkload binned) {

    /** Profiles a catalog id or a file with the paper's bins. */
    public static TraceProfile of(String idOrPath) { return of(idOrPath, Binning.paper()); }

    /** Profiles a catalog id or a file with the given bins. */
    public static TraceProfile of(String idOrPath, Binning binning) {
        return of(idOrPath, binning, TraceOptions.DEFAULT);
    }

    /** Profiles a catalog id or a file with the given bins and reading options. */
    public static TraceProfile of(String idOrPath, Binning binning, TraceOptions options) {
        return of(Trace.resolve(idOrPath, options), binning);
    }

    /**
     * Reads {@code trace} once, counting lengths and bins together.
     *
     * @throws TraceFormatException on malformed input (nothing is returned)
     * @throws IllegalStateException when the trace has no requests
     */
    public static TraceProfile of(Trace trace, Binning binning) {
        LengthHistogram inputs = new LengthHistogram();
        LengthHistogram outputs = new LengthHistogram();
        BinCounter bins = binning.newCounter();
        ReadSummary read = trace.read((in, out) -> {
            inputs.add(in);
            outputs.add(out);
            bins.accept(in, out);
        });
        read.requireRequests(trace.path());
        return new TraceProfile(trace.source(), trace.path(), trace.format(), read, inputs.toDistribution(),
                outputs.toDistribution(), bins.result());
    }

    /** @return count, mean, sample std, median, p99, min, max of input lengths */
    public LengthStats inputStats() { return input.stats(); }

    /** @return the same for output lengths */
    public LengthStats outputStats() { return output.stats(); }

    /** @return the empirical input-length CDF (one point per distinct length) */
    public List<CdfPoint> inputCdf() { return input.cdf(); }

    /** @return the empirical output-length CDF */
    public List<CdfPoint> outputCdf() { return output.cdf(); }
}

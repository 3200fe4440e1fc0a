package org.llmenergy.reproduce;

import java.util.Objects;
import org.llmenergy.data.DatasetCatalog;
import org.llmenergy.data.DatasetEntry;
import org.llmenergy.report.TraceSummary;
import org.llmenergy.workload.BinCounter;
import org.llmenergy.workload.BinnedWorkload;
import org.llmenergy.workload.Binning;
import org.llmenergy.workload.LengthHistogram;
import org.llmenergy.workload.LengthPairCounts;
import org.llmenergy.workload.ReadSummary;
import org.llmenergy.workload.Trace;
import org.llmenergy.workload.TraceProfile;

/**
 * Everything the report takes from one trace, from a single pass over it: the exact length distributions and the
 * paper's bins (a {@link TraceProfile}), the same requests in Figure 7's bins (the paper's figure has no 64-token
 * output bin) for that figure's binned CDFs, and the requests per exact (input, output) pair for pricing at exact
 * lengths.
 *
 * @param profile       lengths and the paper's bins
 * @param figure7Bins   the same requests in {@link Binning#figure7()}
 * @param pairs         the same requests per distinct (input, output)
 * @param table4Dataset the row of the paper's Table 4 the trace corresponds to, or null
 */
public record TraceReading(TraceProfile profile, BinnedWorkload figure7Bins, LengthPairCounts pairs, String table4Dataset) {

    public TraceReading {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(figure7Bins, "figure7Bins");
        Objects.requireNonNull(pairs, "pairs");
    }

    /**
     * Reads a trace once.
     *
     * @param idOrPath a catalog id or a path
     * @return what the report needs of it
     * @throws org.llmenergy.workload.TraceFormatException on malformed input, naming file, line and field
     * @throws IllegalStateException when the trace has no requests
     */
    public static TraceReading read(String idOrPath) { return read(Trace.resolve(idOrPath)); }

    /** Reads an opened trace once; see {@link #read(String)}. */
    public static TraceReading read(Trace trace) {
        LengthHistogram inputs = new LengthHistogram();
        LengthHistogram outputs = new LengthHistogram();
        BinCounter paper = Binning.paper().newCounter();
        BinCounter figure7 = Binning.figure7().newCounter();
        LengthPairCounts pairs = new LengthPairCounts();
        ReadSummary read = trace.read((in, out) -> {
            inputs.add(in);
            outputs.add(out);
            paper.accept(in, out);
            figure7.accept(in, out);
            pairs.accept(in, out);
        });
        if (read.requests() == 0) {
            throw new IllegalStateException(trace.path() + ": no requests" + (read.rows() > 0
                    ? " left after dropping " + read.droppedFailed() + " failed ones" : " (the file has only a header)"));
        }
        TraceProfile profile = new TraceProfile(trace.source(), trace.path(), trace.format(), read, inputs.toDistribution(),
                outputs.toDistribution(), paper.result());
        return new TraceReading(profile, figure7.result(), pairs, table4Dataset(trace.source()));
    }

    /** @return the trace's name as the user gave it (catalog id or path) */
    public String source() { return profile.source(); }

    /**
     * The trace as the paper's sections take it: statistics and bins with the paper's bins, and Figure 7's binned
     * CDFs with Figure 7's bins.
     *
     * @return the summary
     */
    public TraceSummary summary() { return TraceSummary.of(profile.source(), table4Dataset, profile, figure7Bins); }

    /**
     * @param trace a catalog id, or a path to a file named as a catalog entry's trace
     * @return the Table 4 row it corresponds to: the catalog's {@code paperName} ({@code "Azure Conversation"},
     *         {@code "Azure Code"}, {@code "BurstGPT"}), or null for a trace the paper does not use
     */
    public static String table4Dataset(String trace) {
        return DatasetCatalog.load().findTrace(trace).map(DatasetEntry::paperName).orElse(null);
    }
}

package org.llmenergy.report;

import java.util.List;
import java.util.Objects;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.workload.BinCount;
import org.llmenergy.workload.BinnedWorkload;
import org.llmenergy.workload.LengthStats;
import org.llmenergy.workload.TraceProfile;

/**
 * What the report needs of one trace: its length statistics (Tables 1–2), its CDFs (Figure 7) and its bins (the
 * whole-trace estimates).
 *
 * @param label         the trace's name in the report, for example {@code "azure-conv-2023"}
 * @param table4Dataset the row of the paper's Table 4 it corresponds to ({@code "Azure Conversation"},
 *                      {@code "Azure Code"}, {@code "BurstGPT"}), or null; it also decides whether Figure 7's
 *                      digitised Azure Conversation CDF is overlaid
 * @param input         input length statistics
 * @param output        output length statistics
 * @param inputCdf      input CDFs, or null
 * @param outputCdf     output CDFs, or null
 * @param bins          requests per (input, output) bin
 */
public record TraceSummary(String label, String table4Dataset, LengthStats input, LengthStats output, LengthCdf inputCdf,
                           LengthCdf outputCdf, List<BinCount> bins) {
    public TraceSummary {
        Objects.requireNonNull(label, "label");
        bins = List.copyOf(bins);
    }

    /**
     * @param label         the trace's name in the report
     * @param table4Dataset the Table 4 row it corresponds to, or null
     * @param profile       one pass over the trace (the workload package's {@code TraceProfile.of(...)})
     * @return the summary
     */
    public static TraceSummary of(String label, String table4Dataset, TraceProfile profile) {
        return new TraceSummary(label, table4Dataset, profile.inputStats(), profile.outputStats(),
                LengthCdf.of(label, "input", profile.inputCdf(), profile.binned().inputCdf()),
                LengthCdf.of(label, "output", profile.outputCdf(), profile.binned().outputCdf()), profile.binned().counts());
    }

    /**
     * As the paper draws it: statistics and bins from a profile with the paper's bins, and the binned CDFs of
     * Figure 7 from the same requests in the Figure-7 bins (no 64-token output bin, as the paper's figure has none).
     *
     * @param paperBins   the trace profiled with {@code Binning.paper()}
     * @param figure7Bins the same requests counted in {@code Binning.figure7()} (read in the same pass)
     */
    public static TraceSummary of(String label, String table4Dataset, TraceProfile paperBins, BinnedWorkload figure7Bins) {
        return new TraceSummary(label, table4Dataset, paperBins.inputStats(), paperBins.outputStats(),
                LengthCdf.of(label, "input", paperBins.inputCdf(), figure7Bins.inputCdf()),
                LengthCdf.of(label, "output", paperBins.outputCdf(), figure7Bins.outputCdf()),
                paperBins.binned().counts());
    }

    /** @return true when this is the trace the paper's Figure 7 draws (its {@code trace} in the paper numbers) */
    public boolean isFigure7Trace() {
        return table4Dataset != null && table4Dataset.equalsIgnoreCase(PaperNumbers.load().figure(7).trace());
    }
}

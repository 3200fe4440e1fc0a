package org.llmenergy.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.llmenergy.workload.Binning;
import org.llmenergy.workload.TraceProfile;

/**
 * {@code llm-energy reproduce}: builds the offline report of the paper's analyses on the embedded default.
 * Each section is a method that the notebooks call too.
 */
public final class Reproduction {

    /**
     * @param outDir where {@code index.html} and the PNGs go
     * @param quick  a smaller run (fewer cells and repeats) for a first look
     * @param traces catalog ids or paths of the traces to model
     */
    public record Options(Path outDir, boolean quick, List<String> traces) {
        /** The Azure 2023 conversation and code traces (the two the mirror holds). */
        public static final List<String> DEFAULT_TRACES = List.of("azure-conv-2023", "azure-code-2023");

        public Options {
            Objects.requireNonNull(outDir, "outDir");
            traces = List.copyOf(traces);
        }

        /** The defaults: {@code out/report}, full run, the Azure 2023 traces. */
        public static Options defaults(Path outDir) { return new Options(outDir, false, DEFAULT_TRACES); }
    }

    private final Options options;
    private final Consumer<String> log;

    /**
     * @param options what to run
     * @param log     progress lines (the CLI passes stderr)
     */
    public Reproduction(Options options, Consumer<String> log) {
        this.options = options;
        this.log = log;
    }

    /**
     * Runs every section and writes the report.
     *
     * @return the path of {@code index.html}
     */
    public Path run() {
        HtmlReport report = HtmlReport.titled("llm-energy: reproducing Fernandez et al. (ACL 2025)");
        report.paragraph("Every table and figure below names its source: 'ours' for numbers this toolkit computed "
                + "or measured here (with their provenance), 'paper-published' for values printed in the paper, and "
                + "'paper-digitized' for approximate values read off its figures.");
        workloads(report, profiles());
        Path index = report.writeTo(options.outDir());
        log.accept("report written: " + index + " (" + report.figures().size() + " figures)");
        return index;
    }

    /** Reads each trace once with the paper's bins. */
    public List<TraceProfile> profiles() {
        List<TraceProfile> profiles = new ArrayList<>();
        for (String t : options.traces()) {
            log.accept("reading trace " + t);
            profiles.add(TraceProfile.of(t, Binning.paper()));
        }
        return profiles;
    }

    /**
     * The workloads section (paper Section 4.3): Tables 1–2, a bin heat map per trace, and Figure 7 for each
     * trace with the Figure-7 bins (no 64-token output bin, as the paper's figure has none).
     */
    public static void workloads(HtmlReport report, List<TraceProfile> profiles) {
        report.section("Workloads: request traces and their bins (paper Section 4.3)");
        report.paragraph("Statistics are exact (counting histograms over integer token counts; sample standard "
                + "deviation; percentiles interpolated linearly as numpy does). The paper does not say which trace "
                + "versions it used; its Tables 1-2 match the 2024 week-long Azure traces better than the 2023 "
                + "ones the mirror holds, so differences below are expected.");
        report.table(WorkloadFigures.lengthTable(WorkloadFigures.Lengths.INPUT, profiles),
                "Table 1: input lengths (tokens)", "ours: exact statistics of each trace; paper-published rows");
        report.table(WorkloadFigures.lengthTable(WorkloadFigures.Lengths.OUTPUT, profiles),
                "Table 2: output lengths (tokens)", "ours: exact statistics of each trace; paper-published rows");
        for (TraceProfile p : profiles) report.figure(WorkloadFigures.binHeatMap(p));
        for (TraceProfile p : profiles) {
            TraceProfile fig7 = TraceProfile.of(p.source(), Binning.figure7());
            report.figure(WorkloadFigures.figure7(fig7, WorkloadFigures.Lengths.INPUT));
            report.figure(WorkloadFigures.figure7(fig7, WorkloadFigures.Lengths.OUTPUT));
        }
    }
}

package org.llmenergy.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper reproduced section by section: each method returns one section's figures and tables, drawn from the
 * paper's numbers and overlaid with ours where given. The HTML report and the notebooks call these same methods,
 * so a figure a notebook shows is the figure the report writes.
 *
 * <pre>{@code
 * ReportSection s = PaperSections.decodingStrategies(OurData.none());
 * for (Figure f : s.figures()) display(f.image());
 * HtmlReport.titled("llm-energy").add(s).writeTo(Path.of("out/report"));
 * }</pre>
 */
public final class PaperSections {
    private PaperSections() {}

    /** Workloads: Figure 7 (real vs binned length CDFs) and Tables 1–3. */
    public static ReportSection workloads(OurData ours) {
        List<Panel> panels = new ArrayList<>();
        boolean figure7Trace = false;
        for (TraceSummary t : ours.traces()) {
            if (t.inputCdf() == null && t.outputCdf() == null) continue;
            panels.addAll(LengthCdfFigures.panels(t));
            figure7Trace |= t.isFigure7Trace();
        }
        if (!figure7Trace) panels.addAll(0, LengthCdfFigures.panels(null));
        return new ReportSection("Workloads", "Token-length statistics of the traces (Tables 1–2) and of the classical tasks (Table 3),"
                + " and how the paper's power-of-two bins approximate a trace's length distribution (Figure 7). The paper's rows are"
                + " as printed; ours are counted from the traces named.",
                panels, List.of(LengthTables.table1(ours.traces()), LengthTables.table2(ours.traces()), LengthTables.table3()));
    }

    /** Controlled sweeps: Figures 2, 10 and 11 (prefill and decode energy against input and output length per batch size). */
    public static ReportSection controlledSweeps(OurData ours) {
        List<Panel> panels = new ArrayList<>(ControlledSweepFigures.figure2(ours.controlledSweep()));
        panels.addAll(ControlledSweepFigures.figure10(ours.baselineSweep()));
        panels.addAll(ControlledSweepFigures.figure11(ours.controlledSweep()));
        return new ReportSection("Controlled sweeps", "Energy for 1,024 examples split into prefill and decode, against prompt and"
                + " output length, per batch size. Paper: RTX A6000, Llama-3.1-8B, vLLM (Figures 2, 11) and PyTorch (Figure 10)."
                + " Ours are whatever sweep was given, on its own device and model: compare shapes and slopes, not magnitudes.",
                panels, List.of());
    }

    /** Decoding strategies: Figure 3 and speculative against autoregressive decoding. */
    public static ReportSection decodingStrategies(OurData ours) {
        return new ReportSection("Decoding strategies", "Greedy, beam search, temperature and top-p sampling, and speculative"
                + " decoding, against batch size (Figure 3), with the paper's speculative-decoding comparison recomputed.",
                List.of(DecodingStrategyFigure.panel(ours.decodingSweep())), List.of(DerivedTables.speculative(ours.decodingSweep())));
    }

    /** Architecture, frameworks and optimisations: Figures 4 and 5 and the gains they imply. */
    public static ReportSection architectureAndFrameworks(OurData ours) {
        List<Panel> panels = new ArrayList<>();
        panels.add(MoeFigure.panel(ours.moeVsDense()));
        panels.addAll(FrameworkFigures.panels());
        return new ReportSection("Architecture, frameworks and optimisations", "A mixture-of-experts model against dense models"
                + " (Figure 4), and PyTorch with and without torch.compile against vLLM with and without CUDA graphs on three GPUs"
                + " (Figure 5), with the section 3.4 gains recomputed from the figure.",
                panels, List.of(DerivedTables.moe(), DerivedTables.frameworkGains()));
    }

    /** Parallelism: Figure 6 and tensor parallelism's energy against latency. */
    public static ReportSection parallelism() {
        return new ReportSection("Parallelism", "Tensor parallelism over 2 and 4 GPUs (Figure 6): lower latency at a higher total"
                + " energy.", TensorParallelFigures.panels(), List.of(DerivedTables.tensorParallel()));
    }

    /**
     * Whole-trace energy: Figure 1 (with ours and the Figure 2 fit applied to our traces' bins), Figures 8 and 12
     * (classical tasks), Table 4 with the savings computed, ours against our baselines, and the Figure 2 fit's
     * percent above theoretical for each trace with bins.
     */
    public static ReportSection wholeTrace(OurData ours) {
        List<TraceTotals> totals = new ArrayList<>(ours.traceTotals());
        totals.addAll(OverheadTables.figure2FitTotals(ours.traces()));
        List<Panel> panels = List.of(TraceEnergyFigure.panel(totals), ClassicalTaskFigures.figure8(), ClassicalTaskFigures.figure12());
        List<ReportTable> tables = List.of(OverheadTables.table4(), OverheadTables.ours(ours.traceTotals()),
                OverheadTables.figure2Fit(ours.traces()));
        return new ReportSection("Whole-trace energy and Table 4", "The binned workload estimate of a whole trace against the"
                + " FLOPs x TDP / peak baseline: the paper's Figure 1 and Table 4 (RTX A6000, Llama-3.1-8B), ours, and the paper's"
                + " own setting applied to our traces through the Figure 2 fit (a model, not a measurement). Figures 8 and 12 are the"
                + " classical NLP tasks.", panels, tables);
    }

    /** Online vs offline serving: Figure 9 and its formula applied to Figure 5's offline energies. */
    public static ReportSection onlineVsOffline() {
        return new ReportSection("Online vs offline serving", "vLLM online serving with continuous batching against offline static"
                + " batches (Figure 9).", List.of(OnlineOfflineFigure.panel()), List.of(DerivedTables.onlineVsOffline()));
    }

    /** Hardware: Table 5. */
    public static ReportSection hardware() {
        return new ReportSection("Hardware", "The paper's nodes (Table 5), with its own labels.", List.of(),
                List.of(HardwareTable.table5()));
    }

    /** @return every section, in the paper's order */
    public static List<ReportSection> all(OurData ours) {
        return List.of(workloads(ours), controlledSweeps(ours), decodingStrategies(ours), architectureAndFrameworks(ours),
                parallelism(), wholeTrace(ours), onlineVsOffline(), hardware());
    }
}

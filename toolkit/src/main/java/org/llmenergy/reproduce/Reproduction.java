package org.llmenergy.reproduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.llmenergy.estimate.EnergyModel;
import org.llmenergy.estimate.SweepEnergyModel;
import org.llmenergy.estimate.Workload;
import org.llmenergy.estimate.WorkloadPrice;
import org.llmenergy.estimate.WorkloadPricing;
import org.llmenergy.estimate.paper.PaperFitEstimator;
import org.llmenergy.experiment.results.ResultRecord;
import org.llmenergy.report.BinHeatMap;
import org.llmenergy.report.EnergyBasis;
import org.llmenergy.report.Figure;
import org.llmenergy.report.HtmlReport;
import org.llmenergy.report.MeasuredPoints;
import org.llmenergy.report.OurData;
import org.llmenergy.report.OverheadTables;
import org.llmenergy.report.PaperSections;
import org.llmenergy.report.ReportSection;
import org.llmenergy.report.ReportTable;
import org.llmenergy.report.SweepFitTotal;
import org.llmenergy.workload.BinCount;

/**
 * {@code llm-energy reproduce}: the main job. Reads each trace once, runs (or resumes) the embedded sweep, prices
 * the traces with the model fitted to it, and lays out the offline report of the paper's analyses with ours
 * overlaid. The report's sections are built in {@code report}; this class only decides what goes in and in which
 * order ({@link #layout}).
 */
public final class Reproduction {

    /**
     * @param outDir where {@code index.html}, the PNGs and the sweep's results go
     * @param quick  a smaller run (fewer cells and repeats) for a first look
     * @param traces catalog ids or paths of the traces to model
     */
    public record Options(Path outDir, boolean quick, List<String> traces) {
        /** The Azure 2023 conversation and code traces (the two the mirror holds). */
        public static final List<String> DEFAULT_TRACES = List.of("azure-conv-2023", "azure-code-2023");

        public Options {
            Objects.requireNonNull(outDir, "outDir");
            traces = List.copyOf(traces);
            if (traces.isEmpty()) throw new IllegalArgumentException("reproduce needs at least one trace");
        }
    }

    private static final String TITLE = "llm-energy: reproducing Fernandez et al. (ACL 2025)";
    private static final String SOURCES = "Every table and figure below names its source: 'ours' for numbers this toolkit"
            + " computed or measured here (with their provenance), 'paper-published' for values printed in the paper,"
            + " 'paper-digitized' for approximate values read off its figures, and 'model' for estimates from a fitted model.";

    private final Options options;
    private final Consumer<String> log;

    /**
     * @param options what to run
     * @param log     progress lines (the CLI passes stderr)
     */
    public Reproduction(Options options, Consumer<String> log) {
        this.options = Objects.requireNonNull(options, "options");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Reads the traces, runs the sweep (GPU when present, else CPU) and writes the report.
     *
     * @return the path of {@code index.html}
     */
    public Path run() {
        List<TraceReading> traces = readTraces();
        EmbeddedSweep sweep = EmbeddedSweep.onThisMachine(options.quick());
        List<ResultRecord> records = sweep.run(options.outDir(), log);
        ReportSection calibrated = CalibratedComparison.section(traces, log);
        HtmlReport html = layout(traces, records, sweep.largestBatch(), calibrated).html();
        Path index = html.writeTo(options.outDir());
        log.accept("report written: " + index + " (" + html.figures().size() + " figures)");
        return index;
    }

    /** @return each of the options' traces, read once */
    public List<TraceReading> readTraces() {
        List<TraceReading> read = new ArrayList<>();
        for (String t : options.traces()) {
            log.accept("reading trace " + t);
            read.add(TraceReading.read(t));
        }
        return read;
    }

    /**
     * The report, section by section in the paper's order, then the calibrated model's section: the traces' bin heat
     * maps follow the workloads section, and our whole-trace energy (every bin priced by the model fitted to our
     * sweep) follows the paper's whole-trace section.
     *
     * @param traces    the traces read
     * @param sweep     the sweep's records (one spec)
     * @param batch     the batch size the whole-trace energy prices every bin at
     * @param calibrated the section "Calibrated model vs public measurements", placed after the paper's sections
     * @return the report, not yet written
     */
    public static ReproductionReport layout(List<TraceReading> traces, List<ResultRecord> sweep, int batch,
                                            ReportSection calibrated) {
        OurData ours = OurData.none()
                .withTraces(traces.stream().map(TraceReading::summary).toList())
                .withControlledSweep(MeasuredPoints.sweepPoints(sweep, EnergyBasis.GROSS));
        List<Figure> heatMaps = traces.stream().map(t -> BinHeatMap.of(t.profile())).toList();
        List<ReportPart> parts = List.of(
                ReportPart.of(PaperSections.workloads(ours)).withFigures(heatMaps),
                ReportPart.of(PaperSections.controlledSweeps(ours)),
                ReportPart.of(PaperSections.decodingStrategies(ours)),
                ReportPart.of(PaperSections.architectureAndFrameworks(ours)),
                ReportPart.of(PaperSections.parallelism()),
                wholeTrace(ours, traces, sweep, batch),
                ReportPart.of(PaperSections.onlineVsOffline()),
                ReportPart.of(PaperSections.hardware()),
                ReportPart.of(calibrated));
        return new ReproductionReport(TITLE, List.of(SOURCES, "Our measurements: " + SweepDescription.of(sweep) + "."), parts);
    }

    /**
     * The paper's whole-trace section, then ours (paper Section 4.2 on our sweep): every bin of each trace at batch
     * {@code batch}, priced through {@link WorkloadPricing} by the energy model fitted to our sweep (N x the
     * per-request energy at the bin's edges, the paper's N/B batches); bins beyond the swept lengths are flagged.
     */
    static ReportPart wholeTrace(OurData ours, List<TraceReading> traces, List<ResultRecord> sweep, int batch) {
        SweepEnergyModel model = SweepEnergyModel.fit(sweep);
        EnergyModel priced = model.atBatch(batch);
        List<SweepFitTotal> totals = new ArrayList<>();
        for (TraceReading t : traces) {
            List<BinCount> bins = t.profile().binned().counts();
            WorkloadPrice price = WorkloadPricing.price(priced, Workload.binned(t.profile().binned(), t.source()));
            long extrapolated = bins.stream().filter(b -> !model.extrapolationFlags(b.inputBin(), b.outputBin(), batch).isEmpty()).count();
            totals.add(new SweepFitTotal(t.source(), price, bins.size(), extrapolated));
        }
        String device = sweep.isEmpty() ? "unknown device" : sweep.get(0).cell().device().label();
        ReportTable table = OverheadTables.sweepFit(totals, batch, device, SweepDescription.measuredSource(sweep));
        List<String> notes = new ArrayList<>();
        notes.add("Ours: an energy model of the form of the Figure 2 fit, fitted to " + model.points().size()
                + " measured cells: " + model.describe() + ".");
        TraceReading first = traces.get(0);
        if (first.table4Dataset() != null) {
            notes.add("Why the Figure 2 fit lands above Table 4 for these traces: " + PaperFitEstimator.paperSetting()
                    .compareWithTable4(first.profile().binned().counts(), first.table4Dataset()).explanation());
        }
        return ReportPart.of(PaperSections.wholeTrace(ours)).withNotes(notes).withTables(List.of(table));
    }
}

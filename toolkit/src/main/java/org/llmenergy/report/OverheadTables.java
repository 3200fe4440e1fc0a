package org.llmenergy.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.llmenergy.estimate.paper.OverheadRow;
import org.llmenergy.estimate.paper.PaperFitEstimate;
import org.llmenergy.estimate.paper.PaperFitEstimator;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.estimate.paper.Table4Comparison;
import org.llmenergy.units.Energy;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Table 4 and its reproductions: percent energy above the FLOPs/TDP baseline. The paper's table with the savings
 * computed from it, ours from whole-trace estimates, and the paper's own setting applied to other traces through
 * the Figure 2 fit.
 */
public final class OverheadTables {
    private OverheadTables() {}

    /**
     * The paper's Table 4 with the saving of vLLM over PyTorch computed from its two columns,
     * {@code (1 − (1 + v) / (1 + p)) × 100} (Comparisons), beside the savings the text states.
     *
     * @return id {@code table4-above-theoretical}
     */
    public static ReportTable table4() {
        PaperNumbers paper = PaperNumbers.load();
        Table t = Table.create("Table 4", StringColumn.create("dataset"), DoubleColumn.create("PyTorch % above theoretical"),
                DoubleColumn.create("vLLM % above theoretical"), DoubleColumn.create("vLLM saving over PyTorch % (computed)"),
                DoubleColumn.create("saving % (paper text)"));
        for (OverheadRow r : paper.table4()) {
            t.stringColumn(0).append(r.dataset());
            t.doubleColumn(1).append(r.pytorchPercentAbove());
            t.doubleColumn(2).append(r.vllmPercentAbove());
            t.doubleColumn(3).append(TableFormat.round2(r.savingsPercent()));
            t.doubleColumn(4).append(paper.text("saving-" + LengthCdfFigures.slug(r.dataset())).value());
        }
        return new ReportTable("table4-above-theoretical", TableFormat.percentages(t), "Table 4 · energy above the theoretical value, offline inference on an"
                + " RTX A6000 (Llama-3.1-8B), with the saving of optimised vLLM over unoptimised PyTorch",
                PaperNumbers.CITATION + ", Table 4 and Section 4; " + Labels.PAPER_PUBLISHED_SOURCE + " (as printed); the computed"
                        + " saving is derived from the two printed columns");
    }

    /**
     * Ours: each whole-trace estimate against its own baseline.
     *
     * @param ours whole-trace totals
     * @return id {@code table4-ours}; empty (with a caption saying so) when there are none
     */
    public static ReportTable ours(List<TraceTotals> ours) {
        Table t = Table.create("ours", StringColumn.create("trace"), StringColumn.create("configuration"),
                DoubleColumn.create("estimate (kWh)"), DoubleColumn.create("theoretical (kWh)"),
                DoubleColumn.create("% above theoretical"), StringColumn.create("provenance"), StringColumn.create("baseline"),
                StringColumn.create("note"));
        for (TraceTotals r : ours) {
            t.stringColumn(0).append(r.trace());
            t.stringColumn(1).append(r.configuration());
            t.doubleColumn(2).append(r.estimateKwh());
            t.doubleColumn(3).append(r.theoreticalKwh());
            t.doubleColumn(4).append(TableFormat.round2(r.percentAboveTheoretical()));
            t.stringColumn(5).append(Labels.ours(r.provenance()));
            t.stringColumn(6).append(r.theoreticalBasis());
            t.stringColumn(7).append(r.note());
        }
        return new ReportTable("table4-ours", TableFormat.percentages(t), "Table 4, ours · whole-trace estimates against their FLOPs/TDP baselines"
                + (ours.isEmpty() ? " (none: no whole-trace estimate of ours was given)" : ""),
                ours.isEmpty() ? "no measurements of ours were given"
                        : Labels.source(null, ours.stream().map(TraceTotals::provenance).toList())
                        + "; baselines: model (FLOPs x TDP / peak, an estimate)");
    }

    /**
     * The paper's A6000/vLLM setting applied to each trace's bins through the Figure 2 fit
     * ({@code PaperFitEstimator.paperSetting()}), beside Table 4's vLLM column where the trace has a Table 4 row.
     *
     * @param traces traces with bins
     * @return id {@code table4-figure2-fit}
     */
    public static ReportTable figure2Fit(List<TraceSummary> traces) {
        PaperFitEstimator est = PaperFitEstimator.paperSetting();
        Table t = Table.create("Figure 2 fit", StringColumn.create("trace"), StringColumn.create("Table 4 row"),
                LongColumn.create("requests binned"), DoubleColumn.create("estimate (kWh)"), DoubleColumn.create("theoretical (kWh)"),
                DoubleColumn.create("% above theoretical (309.7 TFLOP/s sparse, as the paper)"),
                DoubleColumn.create("% above theoretical (154.8 TFLOP/s dense)"), DoubleColumn.create("Table 4 vLLM %"),
                StringColumn.create("note"));
        String why = "";
        for (TraceSummary s : traces) {
            if (s.bins().isEmpty()) continue;
            PaperFitEstimate e = est.estimate(s.bins());
            OptionalDouble sparse = e.percentAboveTheoretical();
            OptionalDouble dense = OptionalDouble.empty();
            OptionalDouble paper = OptionalDouble.empty();
            if (s.table4Dataset() != null) {
                Table4Comparison c = est.compareWithTable4(s.bins(), s.table4Dataset());
                dense = c.oursPercentAboveDensePeak();
                paper = OptionalDouble.of(c.paperVllmPercentAbove());
                why = c.explanation();
            }
            t.stringColumn(0).append(s.label());
            t.stringColumn(1).append(s.table4Dataset() == null ? "" : s.table4Dataset());
            t.longColumn(2).append(e.workload().totalRequests());
            t.doubleColumn(3).append(Energy.toKwh(e.workload().coveredJoules()));
            t.doubleColumn(4).append(Energy.toKwh(e.theoretical().joules()));
            append(t.doubleColumn(5), sparse);
            append(t.doubleColumn(6), dense);
            append(t.doubleColumn(7), paper);
            t.stringColumn(8).append(String.join("; ", e.flags()));
        }
        String caption = "Figure 2 fit applied to our traces' bins · the paper's RTX A6000 / vLLM / Llama-3.1-8B per-bin energies, as"
                + " modelled from Figure 2, summed over each trace and compared with the FLOPs/TDP baseline"
                + (traces.isEmpty() ? " (none: no trace of ours was given)" : "");
        String source = "model (Figure 2 fit to " + Labels.PAPER_DIGITIZED_SOURCE + " values of " + PaperNumbers.CITATION
                + ", Fig. 2: an estimate, not a measurement); Table 4 column: " + Labels.PAPER_PUBLISHED_SOURCE
                + (why.isEmpty() ? "" : "; why they differ: " + why);
        return new ReportTable("table4-figure2-fit", TableFormat.percentages(t), caption, source);
    }

    /**
     * Ours: each trace's bins priced by the energy model fitted to our sweep (paper Section 4.2 on our own
     * measurements), bins beyond the swept lengths extrapolated and counted.
     *
     * @param totals         per trace (in report order), its bins priced by the fit
     * @param batch          the batch size every bin was priced at
     * @param device         the sweep's device, for example {@code cpu}
     * @param measuredSource the provenance label of the sweep's measurements, for example {@code cpu-time-estimate}
     * @return id {@code whole-trace-sweep-fit}; whole-trace energy in J and Wh and J per request
     */
    public static ReportTable sweepFit(List<SweepFitTotal> totals, int batch, String device, String measuredSource) {
        Table t = Table.create("Whole-trace energy: ours (" + device + " sweep, tiny-15m, batch " + batch + ")",
                StringColumn.create("trace"), LongColumn.create("requests"), LongColumn.create("bins"),
                LongColumn.create("extrapolated_bins"), DoubleColumn.create("energy_J"), DoubleColumn.create("energy_Wh"),
                DoubleColumn.create("J_per_request"), StringColumn.create("source"));
        for (SweepFitTotal s : totals) {
            double joules = s.price().total().orElseThrow().value();
            t.stringColumn("trace").append(s.trace());
            t.longColumn("requests").append(s.price().requests());
            t.longColumn("bins").append(s.bins());
            t.longColumn("extrapolated_bins").append(s.extrapolatedBins());
            t.doubleColumn("energy_J").append(round(joules, 1));
            t.doubleColumn("energy_Wh").append(round(Energy.toWh(joules), 4));
            t.doubleColumn("J_per_request").append(round(joules / s.price().requests(), 4));
            t.stringColumn("source").append("model fitted to our sweep (" + measuredSource + ")");
        }
        return new ReportTable("whole-trace-sweep-fit", t, t.name(), "ours: " + measuredSource + " measurements of the sweep,"
                + " extended to every bin by a fitted model (provenance 'model'); N/B batches per bin, exact ratio");
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /**
     * Table 4 recomputed with an energy model at the traces' exact lengths: each trace on each GPU against its own
     * FLOPs x TDP / peak baseline, the percent above it with the 90 % interval's ends, beside the paper's vLLM
     * column (RTX A6000, its own traces) where the trace has a Table 4 row.
     *
     * @param priced traces priced under one setting per GPU
     * @return id {@code table4-calibrated}
     */
    public static ReportTable calibrated(List<PricedTrace> priced) {
        PaperNumbers paper = PaperNumbers.load();
        Table t = Table.create("Table 4, calibrated", StringColumn.create("trace"), StringColumn.create("GPU"),
                LongColumn.create("requests priced"), LongColumn.create("requests not priced"),
                DoubleColumn.create("estimate (kWh)"), DoubleColumn.create("low (kWh)"), DoubleColumn.create("high (kWh)"),
                DoubleColumn.create("theoretical (kWh)"), DoubleColumn.create("% above theoretical"),
                DoubleColumn.create("% above, low"), DoubleColumn.create("% above, high"),
                DoubleColumn.create("Table 4 vLLM % (paper, A6000)"));
        for (PricedTrace p : priced) {
            t.stringColumn(0).append(p.trace());
            t.stringColumn(1).append(p.gpu());
            t.longColumn(2).append(p.price().requests());
            t.longColumn(3).append(p.price().excludedRequests());
            t.doubleColumn(4).append(TableFormat.significant(Energy.toKwh(p.joules().value())));
            t.doubleColumn(5).append(TableFormat.significant(Energy.toKwh(p.joules().low())));
            t.doubleColumn(6).append(TableFormat.significant(Energy.toKwh(p.joules().high())));
            t.doubleColumn(7).append(TableFormat.significant(Energy.toKwh(p.theoreticalJoules())));
            t.doubleColumn(8).append(TableFormat.round2(p.percentAboveTheoretical().value()));
            t.doubleColumn(9).append(TableFormat.round2(p.percentAboveTheoretical().low()));
            t.doubleColumn(10).append(TableFormat.round2(p.percentAboveTheoretical().high()));
            OptionalDouble row = p.table4Dataset() == null ? OptionalDouble.empty() : paper.table4().stream()
                    .filter(r -> r.dataset().equalsIgnoreCase(p.table4Dataset())).mapToDouble(OverheadRow::vllmPercentAbove).findFirst();
            append(t.doubleColumn(11), row);
        }
        String configs = priced.stream().map(PricedTrace::configuration).distinct().collect(java.util.stream.Collectors.joining("; "));
        String bases = priced.stream().map(p -> p.gpu() + ": " + p.theoreticalBasis()).distinct().collect(java.util.stream.Collectors.joining("; "));
        return new ReportTable("table4-calibrated", TableFormat.percentages(t), "Table 4 recomputed with the calibrated model · "
                + configs + ", every request at its exact lengths, against the FLOPs x TDP / peak baseline over the same requests",
                "model (the calibrated model, an estimate with its 90 % interval); baselines: model (" + bases + "); Table 4 column: "
                        + Labels.PAPER_PUBLISHED_SOURCE + " (" + PaperNumbers.CITATION + ", Table 4; its own traces, probably the 2024 week-long ones)");
    }

    /**
     * The same estimates as whole-trace totals, for Figure 1.
     *
     * @param traces traces with bins
     * @return one total per trace with bins
     */
    public static List<TraceTotals> figure2FitTotals(List<TraceSummary> traces) {
        PaperFitEstimator est = PaperFitEstimator.paperSetting();
        List<TraceTotals> out = new ArrayList<>();
        for (TraceSummary s : traces) {
            if (s.bins().isEmpty()) continue;
            out.add(TraceTotals.paperFit(s.label(), est.estimate(s.bins())));
        }
        return out;
    }

    private static void append(DoubleColumn c, OptionalDouble v) {
        if (v.isPresent()) c.append(TableFormat.round2(v.getAsDouble()));
        else c.appendMissing();
    }
}

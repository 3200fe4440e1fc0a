package org.llmenergy.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.llmenergy.estimate.BatchEnergy;
import org.llmenergy.estimate.BinnedEstimator;
import org.llmenergy.estimate.SweepEnergyModel;
import org.llmenergy.estimate.WorkloadEstimate;
import org.llmenergy.estimate.paper.PaperFitEstimator;
import org.llmenergy.estimate.paper.Table4Comparison;
import org.llmenergy.experiment.Backend;
import org.llmenergy.experiment.Backends;
import org.llmenergy.experiment.ConsoleProgress;
import org.llmenergy.experiment.ResultRecord;
import org.llmenergy.experiment.ResultsReader;
import org.llmenergy.experiment.SpecReader;
import org.llmenergy.experiment.StoredRecord;
import org.llmenergy.experiment.SweepRunner;
import org.llmenergy.experiment.SweepSpec;
import org.llmenergy.units.Energy;
import org.llmenergy.workload.BinCount;
import org.llmenergy.workload.Binning;
import org.llmenergy.workload.TraceProfile;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

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
        List<TraceProfile> profiles = profiles();
        workloads(report, profiles);
        List<ResultRecord> sweep = runSweep();
        wholeTraceEnergy(report, profiles, sweep, options.quick() ? 1 : 4);
        Path index = report.writeTo(options.outDir());
        log.accept("report written: " + index + " (" + report.figures().size() + " figures)");
        return index;
    }

    /**
     * The controlled CPU sweep of the embedded default: the {@code tiny-15m} preset on this machine's CPU,
     * inputs 2^k with 8 output tokens and outputs 2^k with a 64-token prompt (the paper's sweeps, scaled to what
     * two cores finish in minutes), measured with the sweep's meter (RAPL where readable, else the CPU-time
     * estimate, labelled so).
     *
     * @param quick fewer cells, one batch size and one repeat
     * @return the spec, as JSON
     */
    public static String cpuSweepSpec(boolean quick) {
        return quick
                ? """
                {"name": "reproduce-cpu-quick", "engine": "djl", "models": ["tiny-15m"], "device": "cpu", "dtype": "fp32",
                 "cells": {"controlled": {"batch": [1],
                   "inputs": {"fixedOutput": [8], "minInput": 32, "maxInput": 512},
                   "outputs": {"fixedInput": [64], "minOutput": 2, "maxOutput": 32}}},
                 "protocol": {"repeats": 1, "warmupBatches": 1, "cooldownSeconds": 0, "idleBaselineSeconds": 1,
                              "examplesPerCell": 1}}
                """
                : """
                {"name": "reproduce-cpu", "engine": "djl", "models": ["tiny-15m"], "device": "cpu", "dtype": "fp32",
                 "cells": {"controlled": {"batch": [1, 4],
                   "inputs": {"fixedOutput": [8], "minInput": 32, "maxInput": 2048},
                   "outputs": {"fixedInput": [64], "minOutput": 2, "maxOutput": 128}}},
                 "protocol": {"repeats": 2, "warmupBatches": 1, "cooldownSeconds": 0, "idleBaselineSeconds": 2,
                              "examplesPerCell": 4}}
                """;
    }

    /**
     * Runs (or resumes) the CPU sweep into {@code <out>/sweep/results.jsonl}; a second reproduce reuses the
     * finished cells of the same spec.
     *
     * @return the sweep's records
     */
    public List<ResultRecord> runSweep() {
        SweepSpec spec = SpecReader.parse(cpuSweepSpec(options.quick()), "reproduce", null);
        Path results = options.outDir().resolve("sweep").resolve(options.quick() ? "results-quick.jsonl" : "results.jsonl");
        try {
            Files.createDirectories(results.getParent());
            log.accept("CPU sweep: " + spec.expandCells().size() + " cells of " + spec.models() + " into " + results);
            try (Backend backend = Backends.create(spec)) {
                new SweepRunner(spec, backend).resume(Files.exists(results)).progress(ConsoleProgress.onStderr()).run(results);
            }
            return ResultsReader.read(results).records().stream().map(StoredRecord::typed)
                    .filter(r -> r.specHash().equals(spec.hash())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("CPU sweep into " + results + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("CPU sweep interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("CPU sweep could not start: " + e.getMessage(), e);
        }
    }

    /**
     * Whole-trace energy (paper Section 4.2, Table 4): each trace's bins priced two ways. "Ours": every bin at
     * batch {@code batch} from the energy model fitted to our CPU sweep (bins beyond the swept lengths are
     * extrapolated, and flagged). "Paper fit": the paper's own A6000/vLLM energies (fitted to Figure 2) with its
     * FLOPs/TDP baseline, beside Table 4.
     */
    public static void wholeTraceEnergy(HtmlReport report, List<TraceProfile> profiles, List<ResultRecord> sweep,
                                        int batch) {
        report.section("Whole-trace energy and Table 4 (paper Section 4)");
        SweepEnergyModel model = SweepEnergyModel.fit(sweep);
        report.paragraph("Our energy model, fitted to " + model.points().size() + " measured CPU cells: "
                + model.describe() + ".");
        Table ours = Table.create("Whole-trace energy: ours (CPU sweep, tiny-15m, batch " + batch + ")",
                StringColumn.create("trace"), LongColumn.create("requests"), LongColumn.create("bins"),
                LongColumn.create("extrapolated_bins"), DoubleColumn.create("energy_J"), DoubleColumn.create("energy_Wh"),
                DoubleColumn.create("J_per_request"), StringColumn.create("source"));
        Table paper = Table.create("Table 4 beside the paper-fit estimate for these traces",
                StringColumn.create("trace"), StringColumn.create("table4_dataset"),
                DoubleColumn.create("ours_pct_above_theoretical"), DoubleColumn.create("ours_pct_above_dense_peak"),
                DoubleColumn.create("table4_vllm_pct_above"), StringColumn.create("note"));
        PaperFitEstimator paperFit = PaperFitEstimator.paperSetting();
        for (TraceProfile p : profiles) {
            List<BinCount> bins = p.binned().counts();
            List<BatchEnergy> energies = bins.stream().map(b -> model.batchEnergy(b.inputBin(), b.outputBin(), batch)).toList();
            WorkloadEstimate est = BinnedEstimator.paper().estimate(bins, energies);
            long extrapolated = energies.stream().filter(e -> e.provenance().reasons().size() > 1).count();
            double joules = est.coveredJoules();
            ours.stringColumn("trace").append(p.source());
            ours.longColumn("requests").append(est.totalRequests());
            ours.longColumn("bins").append(bins.size());
            ours.longColumn("extrapolated_bins").append(extrapolated);
            ours.doubleColumn("energy_J").append(round(joules, 1));
            ours.doubleColumn("energy_Wh").append(round(Energy.toWh(joules), 4));
            ours.doubleColumn("J_per_request").append(round(joules / est.totalRequests(), 4));
            ours.stringColumn("source").append("model fitted to our sweep (" + sourceOf(sweep) + ")");

            String dataset = p.source().contains("code") ? "Azure Code" : "Azure Conversation";
            Table4Comparison c = paperFit.compareWithTable4(bins, dataset);
            paper.stringColumn("trace").append(p.source());
            paper.stringColumn("table4_dataset").append(dataset);
            paper.doubleColumn("ours_pct_above_theoretical").append(round(c.oursPercentAbove().orElse(Double.NaN), 1));
            paper.doubleColumn("ours_pct_above_dense_peak").append(round(c.oursPercentAboveDensePeak().orElse(Double.NaN), 1));
            paper.doubleColumn("table4_vllm_pct_above").append(c.paperVllmPercentAbove());
            paper.stringColumn("note").append("paper-fit: A6000/vLLM energies from Figure 2 (model), 309.7 TFLOP/s sparse peak");
        }
        report.table(ours, ours.name(), "ours: " + sourceOf(sweep) + " measurements of the CPU sweep, extended to every "
                + "bin by a fitted model (provenance 'model'); N/B batches per bin, exact ratio");
        report.table(paper, paper.name(), "model: the paper's Figure 2 (paper-digitized) fitted, applied to these "
                + "traces' bins; Table 4 values paper-published");
        report.paragraph(paperFit.compareWithTable4(profiles.get(0).binned().counts(),
                profiles.get(0).source().contains("code") ? "Azure Code" : "Azure Conversation").explanation());
    }

    private static String sourceOf(List<ResultRecord> sweep) {
        return sweep.stream().filter(r -> r.measurement() != null)
                .map(r -> r.measurement().energy().total().gross().provenance())
                .filter(Objects::nonNull).map(pr -> pr.source().label()).findFirst().orElse("no measurement");
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
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

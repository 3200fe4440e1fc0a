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
import org.llmenergy.estimate.EnergyModel;
import org.llmenergy.estimate.SweepEnergyModel;
import org.llmenergy.estimate.Workload;
import org.llmenergy.estimate.WorkloadPrice;
import org.llmenergy.estimate.WorkloadPricing;
import org.llmenergy.estimate.paper.PaperFitEstimator;
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
     * Runs every section and writes the report: the traces, the sweep (GPU when present, else CPU), our whole-trace energy, and every
     * paper section with our data overlaid where we have it.
     *
     * @return the path of {@code index.html}
     */
    public Path run() {
        HtmlReport report = HtmlReport.titled("llm-energy: reproducing Fernandez et al. (ACL 2025)");
        report.paragraph("Every table and figure below names its source: 'ours' for numbers this toolkit computed "
                + "or measured here (with their provenance), 'paper-published' for values printed in the paper, "
                + "'paper-digitized' for approximate values read off its figures, and 'model' for estimates from a "
                + "fitted model.");
        List<TraceProfile> profiles = profiles();
        List<ResultRecord> sweep = runSweep();
        report.paragraph("Our measurements: " + sweepDescription(sweep));
        OurData ours = OurData.none()
                .withTraces(summaries(profiles))
                .withControlledSweep(MeasuredPoints.sweepPoints(sweep, EnergyBasis.GROSS));
        List<ReportSection> sections = PaperSections.all(ours);
        report.add(sections.get(0));
        for (TraceProfile p : profiles) report.figure(BinHeatMap.of(p));
        for (ReportSection section : sections.subList(1, sections.size())) {
            report.add(section);
            if (section.heading().startsWith("Whole-trace")) wholeTraceEnergy(report, profiles, sweep, options.quick() ? 1 : 4);
        }
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

    /** The traces as the paper's sections take them (Figure 7's CDFs with the Figure-7 bins). */
    public static List<TraceSummary> summaries(List<TraceProfile> profiles) {
        return profiles.stream().map(p -> TraceSummary.of(p.source(), table4Dataset(p.source()), p,
                TraceProfile.of(p.source(), Binning.figure7()))).toList();
    }

    /** @return the Table 4 row a trace corresponds to, or null */
    static String table4Dataset(String trace) {
        String t = trace.toLowerCase(Locale.ROOT);
        if (t.contains("burstgpt")) return "BurstGPT";
        if (t.contains("azure") && t.contains("code")) return "Azure Code";
        if (t.contains("azure") && t.contains("conv")) return "Azure Conversation";
        return null;
    }

    /**
     * The device the sweep runs on: a GPU when DJL's engine sees one (its sweep is then measured with NVML),
     * else this machine's CPU.
     *
     * @return {@code "gpu"} or {@code "cpu"}
     */
    public static String sweepDevice() {
        try {
            return ai.djl.engine.Engine.getInstance().getGpuCount() > 0 ? "gpu" : "cpu";
        } catch (RuntimeException e) {
            return "cpu";
        }
    }

    /**
     * The controlled sweep of the embedded default: the {@code tiny-15m} preset, inputs 2^k with 8 output tokens
     * and outputs 2^k with a 64-token prompt (the paper's sweeps, scaled to what two CPU cores finish in
     * minutes), measured with the sweep's meter: NVML on a GPU; on the CPU, RAPL where readable, else the
     * CPU-time estimate, labelled so.
     *
     * @param quick  fewer cells, one batch size and one repeat
     * @param device {@code cpu} or {@code gpu}
     * @return the spec, as JSON
     */
    public static String sweepSpec(boolean quick, String device) {
        return cpuSweepSpec(quick).replace("\"device\": \"cpu\"", "\"device\": \"" + device + "\"")
                .replace("reproduce-cpu", "reproduce-" + device);
    }

    /** @return {@link #sweepSpec} on the CPU */
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
                              "examplesPerCell": 2}}
                """;
    }

    /**
     * Runs (or resumes) the sweep into {@code <out>/sweep/results-<device>[-quick].jsonl}; a second reproduce reuses the
     * finished cells of the same spec.
     *
     * @return the sweep's records
     */
    public List<ResultRecord> runSweep() {
        String device = sweepDevice();
        SweepSpec spec = SpecReader.parse(sweepSpec(options.quick(), device), "reproduce", null);
        Path results = options.outDir().resolve("sweep").resolve("results-" + device + (options.quick() ? "-quick" : "") + ".jsonl");
        try {
            Files.createDirectories(results.getParent());
            log.accept(("gpu".equals(device) ? "GPU sweep (a GPU is present: measured with NVML)" : "CPU sweep (no GPU seen)")
                    + ": " + spec.expandCells().size() + " cells of " + spec.models() + " into " + results);
            try (Backend backend = Backends.create(spec)) {
                new SweepRunner(spec, backend).resume(Files.exists(results)).progress(ConsoleProgress.onStderr()).run(results);
            }
            return ResultsReader.read(results).records().stream().map(StoredRecord::typed)
                    .filter(r -> r.specHash().equals(spec.hash())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("sweep into " + results + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("sweep could not start: " + e.getMessage(), e);
        }
    }

    /**
     * Our whole-trace energy (paper Section 4.2): every bin of each trace at batch {@code batch}, priced by
     * {@link WorkloadPricing} with the energy model fitted to our sweep (bins beyond the swept lengths are
     * extrapolated, and flagged), N x the per-request energy at the bin's edges (the paper's N/B batches). Added
     * to the report after the paper's whole-trace section, which already shows the paper's setting applied to the
     * same bins through the Figure 2 fit.
     */
    public static void wholeTraceEnergy(HtmlReport report, List<TraceProfile> profiles, List<ResultRecord> sweep,
                                        int batch) {
        SweepEnergyModel model = SweepEnergyModel.fit(sweep);
        report.paragraph("Ours: an energy model of the form of the Figure 2 fit, fitted to " + model.points().size()
                + " measured cells: " + model.describe() + ".");
        String device = sweep.isEmpty() ? "unknown device" : sweep.get(0).cell().device();
        Table ours = Table.create("Whole-trace energy: ours (" + device + " sweep, tiny-15m, batch " + batch + ")",
                StringColumn.create("trace"), LongColumn.create("requests"), LongColumn.create("bins"),
                LongColumn.create("extrapolated_bins"), DoubleColumn.create("energy_J"), DoubleColumn.create("energy_Wh"),
                DoubleColumn.create("J_per_request"), StringColumn.create("source"));
        EnergyModel priced = model.atBatch(batch);
        for (TraceProfile p : profiles) {
            List<BinCount> bins = p.binned().counts();
            WorkloadPrice est = WorkloadPricing.price(priced, Workload.binned(p.binned(), p.source()));
            long extrapolated = bins.stream().filter(b -> !model.extrapolationFlags(b.inputBin(), b.outputBin(), batch).isEmpty()).count();
            double joules = est.total().orElseThrow().value();
            ours.stringColumn("trace").append(p.source());
            ours.longColumn("requests").append(est.requests());
            ours.longColumn("bins").append(bins.size());
            ours.longColumn("extrapolated_bins").append(extrapolated);
            ours.doubleColumn("energy_J").append(round(joules, 1));
            ours.doubleColumn("energy_Wh").append(round(Energy.toWh(joules), 4));
            ours.doubleColumn("J_per_request").append(round(joules / est.requests(), 4));
            ours.stringColumn("source").append("model fitted to our sweep (" + sourceOf(sweep) + ")");
        }
        report.table(ours, ours.name(), "ours: " + sourceOf(sweep) + " measurements of the sweep, extended to every "
                + "bin by a fitted model (provenance 'model'); N/B batches per bin, exact ratio");
        TraceProfile first = profiles.get(0);
        String dataset = table4Dataset(first.source());
        if (dataset != null) {
            report.paragraph("Why the Figure 2 fit lands above Table 4 for these traces: "
                    + PaperFitEstimator.paperSetting().compareWithTable4(first.binned().counts(), dataset).explanation());
        }
    }

    /** @return one line on what the sweep measured and with which meter */
    static String sweepDescription(List<ResultRecord> sweep) {
        long measured = sweep.stream().filter(r -> r.measurement() != null).count();
        long failed = sweep.stream().filter(r -> r.failure() != null).count();
        String cpu = sweep.stream().map(r -> r.environment().cpuModel()).filter(Objects::nonNull).findFirst().orElse("unknown CPU");
        return measured + " measured repeats and " + failed + " failures of the tiny-15m preset on " + cpu
                + "; energy source " + sourceOf(sweep) + (sourceOf(sweep).contains("estimate")
                ? " (an ESTIMATE: CPU time x per-thread power; this machine exposes no energy counter)" : "") + ".";
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
}

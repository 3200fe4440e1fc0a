package org.llmenergy.cli;

import org.llmenergy.estimate.BatchEnergy;
import org.llmenergy.estimate.SweepEnergyModel;
import org.llmenergy.experiment.ResultRecord;
import org.llmenergy.experiment.ResultsReader;
import org.llmenergy.experiment.StoredRecord;
import org.llmenergy.workload.TraceProfile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.llmenergy.estimate.BatchCounting;
import org.llmenergy.estimate.BatchEnergiesCsv;
import org.llmenergy.estimate.BatchSizePolicy;
import org.llmenergy.workload.BinCountsCsv;
import org.llmenergy.estimate.BinEstimate;
import org.llmenergy.estimate.BinFlops;
import org.llmenergy.estimate.BinnedEstimator;
import org.llmenergy.estimate.Comparisons;
import org.llmenergy.estimate.PeakRate;
import org.llmenergy.estimate.TheoreticalEstimate;
import org.llmenergy.estimate.TheoreticalEstimator;
import org.llmenergy.estimate.WorkloadEstimate;
import org.llmenergy.estimate.paper.Figure2Fit;
import org.llmenergy.estimate.paper.PaperFitEstimator;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.estimate.paper.WhatIfAnswer;
import org.llmenergy.estimate.paper.WhatIfEstimator;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.hardware.GpuSpec;
import org.llmenergy.hardware.Sparsity;
import org.llmenergy.model.FlopsModel;
import org.llmenergy.model.MemoryAssumptions;
import org.llmenergy.model.MemoryModel;
import org.llmenergy.model.ModelConfig;
import org.llmenergy.model.Presets;
import org.llmenergy.units.Energy;
import org.llmenergy.units.Provenance;
import org.llmenergy.workload.BinCount;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code llm-energy estimate}: a binned workload's energy from per-bin batch energies (a CSV) or from the paper's
 * Figure 2 fit, beside the FLOPs/TDP theoretical baseline and the percent above it (the paper's Table 4).
 */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = {"Energy of a binned workload, E = sum N/B x E_batch, beside the theoretical FLOPs/TDP baseline.",
                "Energies come from --energies (CSV input_bin,output_bin,batch_size,energy_j[,source]) or",
                "--source paper-fit (the paper's RTX A6000 / vLLM / Llama-3.1-8B Figure 2, fitted; an ESTIMATE)."})
final class EstimateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bins", paramLabel = "FILE",
            description = "bin counts, as printed by 'workload bins --format csv' (input_bin,output_bin,requests)")
    Path bins;

    @Option(names = "--trace", paramLabel = "ID|PATH",
            description = "a trace (catalog id or file), binned with the paper's bins; instead of --bins")
    String trace;

    @Option(names = "--results", paramLabel = "FILE",
            description = "a sweep's results (JSON Lines): per-bin energies from a model fitted to its measured cells "
                    + "(provenance 'model', extrapolation flagged)")
    Path results;

    @Option(names = "--energies", paramLabel = "FILE", description = "per-bin batch energies in joules")
    Path energies;

    @Option(names = "--energies-source", paramLabel = "LABEL",
            description = "provenance of --energies rows when the file has no source column (nvml-counter, rapl, cpu-time-estimate, model, ...)")
    String energiesSource;

    @Option(names = "--source", paramLabel = "paper-fit", description = "take per-bin energies from the paper: paper-fit")
    String source;

    @Option(names = "--gpu", defaultValue = "RTX-A6000", description = "GPU for the baseline (and paper-fit): catalog or NVML name (default ${DEFAULT-VALUE})")
    String gpu;

    @Option(names = "--model", description = "model preset for the FLOPs (default: the model of --results, else llama-3.1-8b)")
    String model;

    @Option(names = "--peak", defaultValue = "sparse",
            description = "peak FLOP/s of the baseline: sparse (the paper's 309.7 TFLOP/s on the A6000, flagged) or dense (default ${DEFAULT-VALUE})")
    String peak;

    @Option(names = "--batch", paramLabel = "N",
            description = "one batch size for every bin: paper-fit (default: the largest that fits the GPU, up to 256) "
                    + "or --results (default: the largest batch measured)")
    Integer batch;

    @Option(names = "--ceil", description = "count ceil(N/B) batches instead of the paper's N/B")
    boolean ceil;

    @Option(names = "--interpolate", description = "interpolate bins without an energy between measured neighbours (labelled)")
    boolean interpolate;

    @Option(names = "--format", defaultValue = "text", description = "text, csv (per bin) or json (default ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() throws Exception {
        if ((energies == null ? 0 : 1) + (source == null ? 0 : 1) + (results == null ? 0 : 1) != 1) {
            throw new IllegalArgumentException("give exactly one of --energies FILE, --results FILE or --source paper-fit");
        }
        if ((bins == null) == (trace == null)) throw new IllegalArgumentException("give exactly one of --bins FILE or --trace ID|PATH");
        if (source != null && !source.equals("paper-fit")) {
            throw new IllegalArgumentException("--source: only 'paper-fit' is known, got '" + source + "'");
        }
        if (!List.of("text", "csv", "json").contains(format)) throw new IllegalArgumentException("--format must be text, csv or json");
        Sparsity sparsity = switch (peak) {
            case "sparse" -> Sparsity.SPARSE_2_4;
            case "dense" -> Sparsity.DENSE;
            default -> throw new IllegalArgumentException("--peak must be sparse or dense, got '" + peak + "'");
        };
        GpuSpec gpuSpec = GpuCatalog.builtIn().get(gpu);
        List<ResultRecord> records = results == null ? List.of()
                : ResultsReader.read(results).records().stream().map(StoredRecord::typed).toList();
        if (model == null) {
            model = records.stream().map(r -> r.cell().model()).findFirst().orElse("llama-3.1-8b");
        }
        ModelConfig config = Presets.get(model);
        List<BinCount> workload = bins != null ? BinCountsCsv.read(bins) : TraceProfile.of(trace).binned().counts();
        BatchCounting counting = ceil ? BatchCounting.CEIL : BatchCounting.EXACT;

        WorkloadEstimate estimate;
        WhatIfAnswer band = null;
        if (results != null) {
            SweepEnergyModel fitted = SweepEnergyModel.fit(records);
            int b = batch != null ? batch : fitted.points().stream().mapToInt(SweepEnergyModel.Point::batch).max().orElseThrow();
            List<BatchEnergy> perBin = workload.stream().map(c -> fitted.batchEnergy(c.inputBin(), c.outputBin(), b)).toList();
            estimate = new BinnedEstimator(counting, interpolate).estimate(workload, perBin);
        } else if (energies != null) {
            Optional<Provenance.Source> dflt = energiesSource == null ? Optional.empty() : Optional.of(Provenance.Source.fromLabel(energiesSource));
            estimate = new BinnedEstimator(counting, interpolate).estimate(workload, BatchEnergiesCsv.read(energies, dflt));
        } else {
            if (!config.name().equals("llama-3.1-8b")) {
                throw new IllegalArgumentException("--source paper-fit models Llama-3.1-8B (the paper's Figure 2); --model is " + config.name());
            }
            if (ceil || interpolate) throw new IllegalArgumentException("--ceil and --interpolate apply to --energies only");
            BatchSizePolicy policy = batch != null ? new BatchSizePolicy.Fixed(batch)
                    : new BatchSizePolicy.MemoryLimited(new MemoryModel(config,
                    MemoryAssumptions.vllmBf16().withMaxBatch(PaperFitEstimator.DEFAULT_BATCH_CAP)), gpuSpec);
            band = new WhatIfEstimator(Figure2Fit.fit(PaperNumbers.load())).energy(workload, gpuSpec, policy);
            estimate = band.breakdown();
        }
        if (results != null) {
            spec.commandLine().getErr().println("note: the theoretical baseline assumes " + gpuSpec.name()
                    + " at its peak; the results were measured on " + records.stream().map(r -> r.cell().device())
                    .findFirst().orElse("an unknown device") + ", so '% above theoretical' compares different hardware"
                    + " unless --gpu names the measured device");
        }
        TheoreticalEstimate theory = new TheoreticalEstimator(FlopsModel.of(config), PeakRate.of(gpuSpec, sparsity)).estimate(workload);
        OptionalDouble pct = estimate.totalJoules().isPresent()
                ? OptionalDouble.of(Comparisons.percentAbove(estimate.totalJoules().getAsDouble(), theory.joules()))
                : OptionalDouble.empty();

        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "csv" -> printCsv(out, estimate, theory);
            case "json" -> printJson(out, estimate, theory, pct, band);
            default -> printText(out, estimate, theory, pct, band);
        }
        out.flush();
        return 0;
    }

    private void printText(PrintWriter out, WorkloadEstimate e, TheoreticalEstimate t, OptionalDouble pct, WhatIfAnswer band) {
        out.println("workload:    " + e.totalRequests() + " requests in " + e.bins().size() + " bins ("
                + (bins != null ? bins : trace) + ")");
        out.println("estimate:    " + e.describe());
        if (band != null) {
            out.println("             " + band.describe());
            out.println("             source: model fitted to " + PaperNumbers.CITATION + ", Fig. 2; " + band.question());
            for (String f : band.flags()) out.println("  FLAG: " + f);
        }
        out.printf(Locale.ROOT, "theoretical: %s = %s x %.4g FLOPs (%s, KV-cached FLOPs)%n", Energy.format(t.joules()),
                t.peak().label(), t.flops(), model);
        for (String f : t.flags()) out.println("  FLAG: " + f);
        out.println("above theoretical: " + (pct.isPresent() ? String.format(Locale.ROOT, "%+.1f%%", pct.getAsDouble())
                : "n/a (the estimate is partial: " + e.missingRequests() + " requests have no energy)"));
    }

    private static void printCsv(PrintWriter out, WorkloadEstimate e, TheoreticalEstimate t) {
        out.println("input_bin,output_bin,requests,status,batch_size,batches,batch_energy_j,energy_j,theoretical_j,source");
        for (BinEstimate b : e.bins()) {
            out.println(String.join(",", Integer.toString(b.inputBin()), Integer.toString(b.outputBin()), Long.toString(b.requests()),
                    b.status().name().toLowerCase(Locale.ROOT),
                    b.batchSize().isPresent() ? Integer.toString(b.batchSize().getAsInt()) : "",
                    num(b.batches()), num(b.batchEnergyJoules()), num(b.energyJoules()),
                    num(OptionalDouble.of(theoretical(t, b))), b.provenance() == null ? "" : b.provenance().source().label()));
        }
    }

    private void printJson(PrintWriter out, WorkloadEstimate e, TheoreticalEstimate t, OptionalDouble pct, WhatIfAnswer band) throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("bins_file", bins == null ? null : bins.toString());
        root.put("trace", trace);
        root.put("requests", e.totalRequests());
        root.put("partial", e.partial());
        root.put("missing_bins", e.missingBins());
        root.put("missing_requests", e.missingRequests());
        root.put("covered_energy_j", e.coveredJoules());
        root.put("total_energy_j", e.totalJoules().isPresent() ? e.totalJoules().getAsDouble() : null);
        root.put("counting", e.counting().name().toLowerCase(Locale.ROOT));
        if (band != null) {
            root.put("source", "model: " + PaperNumbers.CITATION + ", Fig. 2 (fitted)");
            root.put("band_low_j", band.lowJoules().isPresent() ? band.lowJoules().getAsDouble() : null);
            root.put("band_high_j", band.highJoules().isPresent() ? band.highJoules().getAsDouble() : null);
            root.put("band_log_sigma", band.logSigma());
            root.put("assumptions", band.assumptions());
            root.put("flags", band.flags());
        }
        root.put("theoretical_j", t.joules());
        root.put("theoretical_flops", t.flops());
        root.put("theoretical_peak", t.peak().label());
        root.put("theoretical_flags", t.flags());
        root.put("percent_above_theoretical", pct.isPresent() ? pct.getAsDouble() : null);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BinEstimate b : e.bins()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("input_bin", b.inputBin());
            r.put("output_bin", b.outputBin());
            r.put("requests", b.requests());
            r.put("status", b.status().name().toLowerCase(Locale.ROOT));
            r.put("batch_size", b.batchSize().isPresent() ? b.batchSize().getAsInt() : null);
            r.put("batches", b.batches().isPresent() ? b.batches().getAsDouble() : null);
            r.put("energy_j", b.energyJoules().isPresent() ? b.energyJoules().getAsDouble() : null);
            r.put("theoretical_j", theoretical(t, b));
            r.put("note", b.note());
            r.put("source", b.provenance() == null ? null : b.provenance().source().label());
            rows.add(r);
        }
        root.put("bins", rows);
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
    }

    private static double theoretical(TheoreticalEstimate t, BinEstimate b) {
        return t.bins().stream().filter(f -> f.inputBin() == b.inputBin() && f.outputBin() == b.outputBin())
                .mapToDouble(BinFlops::joules).sum();
    }

    private static String num(OptionalDouble v) { return v.isPresent() ? Double.toString(v.getAsDouble()) : ""; }
}

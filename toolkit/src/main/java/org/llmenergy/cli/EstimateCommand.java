package org.llmenergy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.llmenergy.estimate.BatchEnergiesCsv;
import org.llmenergy.estimate.BatchEnergiesModel;
import org.llmenergy.estimate.BatchSizePolicy;
import org.llmenergy.estimate.Comparisons;
import org.llmenergy.estimate.calibrated.CalibratedModel;
import org.llmenergy.estimate.EnergyModel;
import org.llmenergy.estimate.Exclusion;
import org.llmenergy.estimate.FlagCount;
import org.llmenergy.estimate.PeakRate;
import org.llmenergy.estimate.SweepEnergyModel;
import org.llmenergy.estimate.TheoreticalEstimator;
import org.llmenergy.estimate.Workload;
import org.llmenergy.estimate.WorkloadPrice;
import org.llmenergy.estimate.WorkloadPricing;
import org.llmenergy.estimate.paper.Figure2Fit;
import org.llmenergy.estimate.paper.PaperFitModel;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.experiment.results.ResultRecord;
import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.results.StoredRecord;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.hardware.GpuSpec;
import org.llmenergy.hardware.Sparsity;
import org.llmenergy.io.Json;
import org.llmenergy.model.FlopsModel;
import org.llmenergy.model.ModelConfig;
import org.llmenergy.units.Energy;
import org.llmenergy.units.Interval;
import org.llmenergy.units.Provenance;
import org.llmenergy.workload.Binning;
import org.llmenergy.workload.Trace;
import org.llmenergy.impact.GridCatalog;
import org.llmenergy.impact.ImpactRequest;
import org.llmenergy.impact.ImpactText;
import org.llmenergy.impact.Impacts;
import org.llmenergy.impact.Location;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code llm-energy estimate}: a workload's energy from one {@link EnergyModel}, priced by {@link WorkloadPricing},
 * beside the FLOPs x TDP / peak baseline. Parses, builds the model and the workload, prices, prints.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = {"Energy of a workload (one (I, O) pair, a trace at its exact lengths, or bins) from one energy source,",
                "with its 90 %% interval, beside the theoretical FLOPs x TDP / peak baseline.",
                "Sources: calibrated (default; the shipped calibration), paper-fit (the paper's RTX A6000 / vLLM /",
                "Llama-3.1-8B Figure 2, fitted), results FILE (a fit to a sweep's results) or energies FILE (per-bin",
                "batch energies, CSV input_bin,output_bin,batch_size,energy_j[,source]). Every figure is an ESTIMATE.",
                "No request is dropped silently: excluded requests and their tokens are printed on stderr and in JSON.",
                "JSON: total_j, per_request_j, per_output_token_j ({value, low, high}, J) cover the priced requests;",
                "requests and output_tokens count those, excluded_requests the others."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the whole workload was priced (or a partial answer with --allow-partial)",
                "1:an error (bad input names its file, line and field)",
                "2:a usage error (unknown or missing options)",
                "3:a partial answer: some requests were excluded and --allow-partial was not given (the answer is printed)"})
final class EstimateCommand implements Callable<Integer> {
    /** Exit code of a partial answer without {@code --allow-partial}. */
    static final int PARTIAL = 3;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOptions models;

    @Option(names = "--input", paramLabel = "I", description = "Prompt tokens of a single request shape (with --output).")
    Integer input;

    @Option(names = "--output", paramLabel = "O", description = "Generated tokens of a single request shape (with --input).")
    Integer output;

    @Option(names = "--requests", defaultValue = "1", paramLabel = "N", description = "Requests of the --input/--output shape (default ${DEFAULT-VALUE}).")
    long requests;

    @Option(names = "--trace", paramLabel = "<id|path>",
            description = "A trace (catalog id or file), priced at each request's exact lengths (or binned with --bins paper).")
    String trace;

    @Mixin
    TraceReadOptions traceRead;

    @Option(names = "--bins", paramLabel = "FILE|paper|figure7",
            description = "With --trace: bin it (paper or figure7 bins; requests outside the grid are EXCLUDED and counted). "
                    + "Alone: a bins CSV as 'workload bins --format csv' prints (input_bin,output_bin,requests).")
    String bins;

    @Option(names = "--source", arity = "1..2", paramLabel = "<source>",
            description = "calibrated (default) | paper-fit | results FILE | energies FILE.")
    List<String> source;

    @Option(names = "--energies-source", paramLabel = "LABEL",
            description = "Provenance of 'energies FILE' rows when the file has no source column (nvml-counter, rapl, cpu-time-estimate, model, ...).")
    String energiesSource;

    @Option(names = "--peak", defaultValue = "dense", paramLabel = "dense|sparse",
            description = "Peak FLOP/s of the baseline: dense (default) or sparse (2:4 sparsity, the paper's 309.7 TFLOP/s on the A6000; flagged).")
    String peak;

    @Option(names = "--region", paramLabel = "ISO3|world|provider:region",
            description = "Attach carbon, water and embodied figures for this location (grid factors from the dataset catalog; "
                    + "PUE/WUE at their published defaults unless --pue/--wue); the energy interval carries through.")
    String region;

    @Option(names = "--pue", paramLabel = "P", description = "Power usage effectiveness for --region (>= 1).")
    Double pue;

    @Option(names = "--wue", paramLabel = "L/kWh", description = "On-site water usage effectiveness for --region.")
    Double wue;

    @Option(names = "--allow-partial", description = "Exit 0 even when some requests were excluded (they are still counted).")
    boolean allowPartial;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output: text (default) or json.")
    String format;

    /** The energy sources {@code --source} names. */
    enum Source {
        CALIBRATED("calibrated"), PAPER_FIT("paper-fit"), RESULTS("results"), ENERGIES("energies");

        final String label;

        Source(String label) { this.label = label; }

        static Source of(String label) {
            for (Source s : values()) if (s.label.equals(label)) return s;
            throw new IllegalArgumentException("--source: unknown '" + label + "'; known: calibrated, paper-fit, results FILE, energies FILE");
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("text", "json").contains(format)) throw new IllegalArgumentException("--format must be text or json, got '" + format + "'");
        Source src = source == null || source.isEmpty() ? Source.CALIBRATED : Source.of(source.get(0));
        Path file = null;
        if (src == Source.RESULTS || src == Source.ENERGIES) {
            if (source.size() != 2) throw new IllegalArgumentException("--source " + src.label + " needs a FILE: --source " + src.label + " FILE");
            file = Path.of(source.get(1));
        } else if (source != null && source.size() > 1) {
            throw new IllegalArgumentException("--source " + src.label + " takes no file, got '" + source.get(1) + "'");
        }
        if (models.maxNumSeqs != null && models.batch != null) throw new IllegalArgumentException("give --max-num-seqs or --batch, not both");
        Sparsity sparsity = switch (peak) {
            case "sparse" -> Sparsity.SPARSE_2_4;
            case "dense" -> Sparsity.DENSE;
            default -> throw new IllegalArgumentException("--peak must be dense or sparse, got '" + peak + "'");
        };
        Workload workload = workload();

        List<ResultRecord> records = src == Source.RESULTS
                ? ResultsReader.read(file).sweepRecords().stream().map(StoredRecord::typed).toList() : List.of();
        String fallbackModel = records.stream().map(r -> r.cell().model()).findFirst().orElse("llama-3.1-8b");
        ModelConfig config = models.config(fallbackModel);
        if (models.gpu == null && src == Source.CALIBRATED) throw new IllegalArgumentException("--gpu is required with --source calibrated");
        GpuSpec gpuSpec = GpuCatalog.builtIn().get(models.gpu == null ? PaperFitModel.FITTED_GPU : models.gpu);

        if (models.params != null && src != Source.CALIBRATED) {
            throw new IllegalArgumentException("--params describes a model for --source calibrated only");
        }
        if (models.generation != null && src != Source.CALIBRATED) {
            throw new IllegalArgumentException("--generation applies to --source calibrated only");
        }
        Map<String, Object> calibration = null;
        EnergyModel energyModel = switch (src) {
            case CALIBRATED -> {
                CalibratedModel m = models.calibrated(config, gpuSpec);
                calibration = new LinkedHashMap<>();
                calibration.put("version", m.calibration().version());
                calibration.put("hash", m.calibration().sha256());
                calibration.put("generation", m.generation());
                yield m;
            }
            case PAPER_FIT -> paperFit(config, gpuSpec);
            case RESULTS -> sweepFit(records, config);
            case ENERGIES -> energies(file);
        };
        PeakRate rate = sparsity == Sparsity.SPARSE_2_4 && gpuSpec.name().equals(PaperFitModel.FITTED_GPU)
                ? PeakRate.paperA6000() : PeakRate.of(gpuSpec, sparsity);
        TheoreticalEstimator baseline = new TheoreticalEstimator(FlopsModel.of(config), rate);
        WorkloadPrice price = WorkloadPricing.price(energyModel, workload, baseline);

        PrintWriter err = spec.commandLine().getErr();
        if (src == Source.RESULTS && models.gpu == null) {
            err.println("note: the theoretical baseline assumes " + gpuSpec.name() + " at its peak; the results were measured on "
                    + records.stream().map(r -> r.cell().device().label()).findFirst().orElse("an unknown device")
                    + ", so '% above theoretical' compares different hardware unless --gpu names the measured device");
        }
        for (Exclusion e : price.exclusions()) err.println("excluded: " + describe(e));
        if (price.partial()) {
            err.println(String.format(Locale.ROOT, "PARTIAL: %d of %d requests excluded%s", price.excludedRequests(),
                    price.excludedRequests() + price.requests(), allowPartial ? " (--allow-partial)" : "; exit " + PARTIAL
                            + " (give --allow-partial to accept a partial answer)"));
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> json = json(price, src, config, gpuSpec, rate, calibration);
        Impacts impacts = impacts(price, gpuSpec);
        if (impacts != null) json.put("impacts", impacts.toJson());
        if (format.equals("json")) {
            out.println(Json.pretty().writeValueAsString(json));
        } else {
            printText(out, price, src, config, gpuSpec, rate);
            if (impacts != null) ImpactText.lines(impacts).forEach(out::println);
        }
        out.flush();
        err.flush();
        return price.partial() && !allowPartial ? PARTIAL : 0;
    }

    /**
     * The impacts of the priced total at {@code --region}: energy interval through PUE and grid factors; embodied
     * emissions charged for the replica's GPU time (serving seconds x GPUs) when the source models time.
     */
    private Impacts impacts(WorkloadPrice p, GpuSpec gpuSpec) {
        if (region == null) {
            if (pue != null || wue != null) throw new IllegalArgumentException("--pue and --wue apply with --region");
            return null;
        }
        if (p.total().isEmpty()) throw new IllegalArgumentException("--region: no request could be priced, so there is no energy to convert");
        ImpactRequest r = ImpactRequest.of(p.total().get(), GridCatalog.load().grid(Location.parse(region))).withPue(pue).withWue(wue);
        if (p.servingSeconds().isPresent()) r = r.withGpu(gpuSpec.name(), p.servingSeconds().getAsDouble() * models.tp);
        return Impacts.compute(r);
    }

    private Workload workload() throws Exception {
        boolean pair = input != null || output != null;
        if (pair && (input == null || output == null)) throw new IllegalArgumentException("give both --input and --output");
        int kinds = (pair ? 1 : 0) + (trace != null ? 1 : 0) + (bins != null && trace == null ? 1 : 0);
        if (kinds != 1) throw new IllegalArgumentException("give exactly one workload: --input I --output O, --trace ID|PATH [--bins paper], or --bins FILE");
        if (pair) return new Workload.Pair(input, output, requests);
        if (trace != null) {
            Trace t = Trace.resolve(trace, traceRead.options());
            if (bins == null) return Workload.exactLengths(t);
            if (Files.exists(Path.of(bins))) {
                throw new IllegalArgumentException("--bins with --trace names a bin set (paper or figure7), not a file: " + bins);
            }
            return Workload.binned(t, Binning.named(bins));
        }
        if (!Files.exists(Path.of(bins)) && List.of("paper", "figure7", "fig7").contains(bins)) {
            throw new IllegalArgumentException("--bins " + bins + " bins a trace: give --trace too");
        }
        return Workload.binsCsv(Path.of(bins));
    }

    private EnergyModel paperFit(ModelConfig config, GpuSpec gpuSpec) {
        if (!config.name().equals("llama-3.1-8b")) {
            throw new IllegalArgumentException("--source paper-fit models Llama-3.1-8B (the paper's Figure 2); --model is " + config.name());
        }
        requireSingleGpuStatic("paper-fit");
        BatchSizePolicy policy = models.batch != null ? new BatchSizePolicy.Fixed(models.batch) : PaperFitModel.defaultBatches(gpuSpec);
        return PaperFitModel.of(Figure2Fit.fit(PaperNumbers.load()), gpuSpec, policy);
    }

    private EnergyModel sweepFit(List<ResultRecord> records, ModelConfig config) {
        requireSingleGpuStatic("results");
        SweepEnergyModel fitted = SweepEnergyModel.fit(records);
        String measured = records.stream().filter(r -> r.measurement() != null).map(r -> r.cell().model()).findFirst().orElse(null);
        if (measured != null && !measured.equals(config.name()) && !measured.equals(models.model)) {
            throw new IllegalArgumentException("--model " + models.model + " is not the model the results measured (" + measured + ")");
        }
        return fitted.atBatch(models.batch != null ? models.batch : fitted.largestBatch());
    }

    private EnergyModel energies(Path file) throws Exception {
        if (models.batch != null || models.maxNumSeqs != null) {
            throw new IllegalArgumentException("--source energies carries its own batch sizes; drop --batch/--max-num-seqs");
        }
        if (models.tp != 1) throw new IllegalArgumentException("--source energies: --tp applies to the calibrated source only");
        Optional<Provenance.Source> dflt = energiesSource == null ? Optional.empty() : Optional.of(Provenance.Source.fromLabel(energiesSource));
        return new BatchEnergiesModel(BatchEnergiesCsv.read(file, dflt), file.toString());
    }

    private void requireSingleGpuStatic(String what) {
        if (models.tp != 1) throw new IllegalArgumentException("--source " + what + " models one GPU; --tp " + models.tp + " needs --source calibrated");
        if (models.maxNumSeqs != null) throw new IllegalArgumentException("--source " + what + " models static batches; use --batch, not --max-num-seqs");
        if (!models.dtype.equals("bf16") && what.equals("paper-fit")) throw new IllegalArgumentException("--source paper-fit models bf16; --dtype is " + models.dtype);
        if (!models.engine.equals("vllm") && what.equals("paper-fit")) throw new IllegalArgumentException("--source paper-fit models vLLM; --engine is " + models.engine);
    }

    private static String describe(Exclusion e) {
        return String.format(Locale.ROOT, "%d requests (%s input, %s output tokens): %s", e.requests(), tokens(e.inputTokens()),
                tokens(e.outputTokens()), e.reason());
    }

    private static String tokens(OptionalLong t) { return t.isPresent() ? Long.toString(t.getAsLong()) : "unknown"; }

    private Map<String, Object> json(WorkloadPrice p, Source src, ModelConfig config, GpuSpec gpuSpec, PeakRate rate,
                                     Map<String, Object> calibration) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("total_j", interval(p.total()));
        root.put("per_request_j", interval(p.perRequest()));
        root.put("per_output_token_j", interval(p.perOutputToken()));
        root.put("requests", p.requests());
        root.put("excluded_requests", p.excludedRequests());
        root.put("output_tokens", p.outputTokens());
        List<Map<String, Object>> flags = new ArrayList<>();
        for (FlagCount f : p.flags()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", f.flag().kind().name().toLowerCase(Locale.ROOT));
            m.put("detail", f.flag().detail());
            m.put("requests", f.requests());
            flags.add(m);
        }
        root.put("flags", flags);
        root.put("model", config.name());
        root.put("gpu", gpuSpec.name());
        root.put("tp", models.tp);
        root.put("source", src.label);
        root.put("calibration", calibration);
        root.put("workload", p.workload());
        root.put("binned", p.binned());
        root.put("distinct_shapes", p.distinctShapes());
        root.put("input_tokens", p.inputTokens());
        root.put("excluded_input_tokens", boxed(p.excludedInputTokens()));
        root.put("excluded_output_tokens", boxed(p.excludedOutputTokens()));
        List<Map<String, Object>> excl = new ArrayList<>();
        for (Exclusion e : p.exclusions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reason", e.reason());
            m.put("requests", e.requests());
            m.put("input_tokens", boxed(e.inputTokens()));
            m.put("output_tokens", boxed(e.outputTokens()));
            excl.add(m);
        }
        root.put("exclusions", excl);
        root.put("partial", p.partial());
        root.put("prefill_j", boxed(p.prefillJoules()));
        root.put("decode_j", boxed(p.decodeJoules()));
        root.put("serving_seconds", boxed(p.servingSeconds()));
        root.put("time_per_output_token_s", boxed(p.secondsPerOutputToken()));
        root.put("output_tokens_per_second", boxed(p.outputTokensPerSecond()));
        root.put("mean_power_w", boxed(p.meanPowerWatts()));
        root.put("time_missing", p.timeMissing());
        Map<String, Object> theory = new LinkedHashMap<>();
        theory.put("joules", boxed(p.theoreticalJoules()));
        theory.put("peak", rate.label());
        theory.put("flags", rate.flags());
        theory.put("percent_above", boxed(percentAbove(p)));
        root.put("theoretical", theory);
        root.put("provenance", Map.of("source", p.provenance().source().label(), "reasons", p.provenance().reasons(),
                "details", p.provenance().details()));
        return root;
    }

    private static OptionalDouble percentAbove(WorkloadPrice p) {
        return p.total().isPresent() && p.theoreticalJoules().isPresent() && p.theoreticalJoules().getAsDouble() > 0
                ? OptionalDouble.of(Comparisons.percentAbove(p.total().get().value(), p.theoreticalJoules().getAsDouble()))
                : OptionalDouble.empty();
    }

    private static Map<String, Object> interval(Optional<Interval> i) { return i.map(Numbers::interval).orElse(null); }

    private static Object boxed(OptionalDouble v) { return v.isPresent() ? v.getAsDouble() : null; }

    private static Object boxed(OptionalLong v) { return v.isPresent() ? v.getAsLong() : null; }

    private void printText(PrintWriter out, WorkloadPrice p, Source src, ModelConfig config, GpuSpec gpuSpec, PeakRate rate) {
        out.println("workload:    " + p.workload() + ": " + p.requests() + " requests priced"
                + (p.binned() ? " at their bins' upper edges" : " at their exact lengths") + " (" + p.distinctShapes()
                + " distinct shapes), " + p.excludedRequests() + " excluded");
        out.println("setting:     " + config.name() + " on " + gpuSpec.name() + " x" + models.tp + ", source " + src.label + " (ESTIMATE)");
        if (p.total().isEmpty()) {
            out.println("estimate:    none: no request could be priced");
            return;
        }
        out.println("total:       " + energy(p.total().get()) + " (90 % interval)");
        p.perRequest().ifPresent(i -> out.println("per request: " + energy(i)));
        p.perOutputToken().ifPresent(i -> out.println("per output token: " + energy(i)));
        if (p.prefillJoules().isPresent()) {
            out.println("split:       prefill " + Energy.format(p.prefillJoules().getAsDouble()) + ", decode "
                    + Energy.format(p.decodeJoules().getAsDouble()));
        }
        if (p.servingSeconds().isPresent()) {
            out.printf(Locale.ROOT, "time:        %.4g s of the serving replica; %.4g s per output token; %.4g tokens/s; mean power %.4g W (all its GPUs)%n",
                    p.servingSeconds().getAsDouble(), p.secondsPerOutputToken().orElse(Double.NaN),
                    p.outputTokensPerSecond().orElse(Double.NaN), p.meanPowerWatts().orElse(Double.NaN));
        } else {
            out.println("time:        n/a (" + p.timeMissing() + ")");
        }
        out.println("theoretical: " + Energy.format(p.theoreticalJoules().orElse(Double.NaN)) + " (" + rate.label() + ")"
                + percentAbove(p).stream().mapToObj(v -> String.format(Locale.ROOT, "; estimate %+.1f%% above it", v)).findFirst().orElse(""));
        for (String f : rate.flags()) out.println("  FLAG: " + f);
        for (FlagCount f : p.flags()) out.println("  FLAG: " + f.flag() + " (" + f.requests() + " requests)");
        for (Exclusion e : p.exclusions()) out.println("  EXCLUDED: " + describe(e));
    }

    private static String energy(Interval i) {
        return joules(i.value()) + " [" + joules(i.low()) + ", " + joules(i.high()) + "]";
    }

    /** Small figures (per request, per token) keep four significant digits; large ones read in Wh/kWh. */
    private static String joules(double j) {
        return j < 1000 ? String.format(Locale.ROOT, "%.4g J", j) : Energy.format(j);
    }
}

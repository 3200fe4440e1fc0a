package org.llmenergy.estimate.calibrated;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.llmenergy.estimate.external.MlEnergyModelFile;
import org.llmenergy.estimate.external.MlEnergyRecord;
import org.llmenergy.estimate.external.MlEnergyV3Reader;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.hardware.GpuSpec;
import org.llmenergy.model.ModelConfig;
import org.llmenergy.model.Precision;
import org.llmenergy.model.Presets;

/**
 * Turns ML.ENERGY v3 model files into {@link Configuration}s: the inputs a user knows (model, GPU, parallelism,
 * precision, {@code max_num_seqs}, the task and its output-length histogram) and, kept apart, the measurements.
 * A model without a preset is shaped from the file's own parameter counts ({@link Presets#fromParameterCount}) and
 * flagged; an architecture the model cannot represent (for example a Mamba hybrid) is {@link Configuration.Unsupported}.
 */
public final class MlEnergyPoints {
    /** The software generation of ML.ENERGY v3: vLLM 0.11.1 (ML.ENERGY blog, "LLM Inference Energy: A Longitudinal Analysis"). */
    public static final String V3_GENERATION = "vllm-0.11.1";
    /** The software generation of ML.ENERGY v2: vLLM 0.5.4 (same source). */
    public static final String V2_GENERATION = "vllm-0.5.4";
    /**
     * v2 files give the mean output length only; E[O^2] is taken as 2 E[O]^2 (an exponential-like tail), the median
     * ratio of the v3 chat histograms (1.83-2.15).
     */
    static final double V2_SECOND_MOMENT_RATIO = 2.0;

    private MlEnergyPoints() {}

    /**
     * @param paths ML.ENERGY v3 model files, or folders searched for {@code *.json}
     * @return every configuration, in file then index order
     * @throws IOException when a file cannot be read
     */
    public static List<Configuration> readV3(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IllegalArgumentException(p + ": no such file or folder");
            }
        }
        List<Configuration> out = new ArrayList<>();
        for (Path f : files) out.addAll(fromV3(MlEnergyV3Reader.read(f), f.getFileName().toString()));
        return out;
    }

    /**
     * @param file  a parsed v3 model file
     * @param label what to call it in sources
     * @return its configurations
     */
    public static List<Configuration> fromV3(MlEnergyModelFile file, String label) {
        List<Configuration> out = new ArrayList<>();
        String architectureProblem = unsupportedArchitecture(file.architecture());
        Optional<ModelConfig> preset = Presets.forModelId(file.modelId());
        double[] moments = outputMoments(file.outputLengthEdges(), file.outputLengthCounts());
        for (int i = 0; i < file.configurations().size(); i++) {
            MlEnergyRecord r = file.configurations().get(i);
            String source = label + "#" + i;
            String reason = architectureProblem;
            Optional<GpuSpec> gpu = GpuCatalog.builtIn().find(r.gpu());
            if (reason == null && gpu.isEmpty()) reason = "GPU '" + r.gpu() + "' is not in the catalog";
            Precision precision = null;
            if (reason == null) {
                try {
                    precision = Precision.parse(file.weightPrecision());
                } catch (IllegalArgumentException e) {
                    reason = "weight precision '" + file.weightPrecision() + "' is not known";
                }
            }
            if (reason == null && moments == null) reason = "the file has no output-length distribution";
            ModelConfig shape = preset.orElse(null);
            boolean fromFacts = false;
            if (reason == null && shape == null) reason = Presets.unrepresentable(file.modelId()).orElse(null);
            if (reason == null && shape == null) {
                if (file.totalParamsBillions().isEmpty()) {
                    reason = "no preset for '" + file.modelId() + "' and the file gives no total_params_billions";
                } else {
                    OptionalDouble active = file.activeParamsBillions().isPresent()
                            ? OptionalDouble.of(file.activeParamsBillions().getAsDouble() * 1e9) : OptionalDouble.empty();
                    shape = Presets.fromParameterCount(file.totalParamsBillions().getAsDouble() * 1e9, active);
                    fromFacts = true;
                }
            }
            if (reason != null) {
                out.add(new Configuration.Unsupported(source, file.modelId(), r.gpu(), r.tensorParallel(), r.configuredBatch(),
                        r.energyPerTokenJ(), reason));
                continue;
            }
            CalibrationPoint.Measured m = new CalibrationPoint.Measured(r.energyPerTokenJ(), r.avgBatch(), r.stepSeconds(), r.avgPowerW(),
                    r.medianItlMs());
            CalibrationPoint p = new CalibrationPoint(source, file.modelId(), fromFacts ? "facts:" + file.modelId() : shape.name(),
                    file.task(), V3_GENERATION, StepShape.of(shape), gpu.get().name(), r.numGpus(),
                    r.expertParallel() > 1, precision.bytesPerElement(), precision == Precision.FP8, r.configuredBatch(),
                    moments[0], moments[1], m);
            out.add(new Configuration.Supported(p, fromFacts));
        }
        return out;
    }

    /**
     * @param roots ML.ENERGY v2 folders (or {@code bs*+tp*+pp*.json} files)
     * @return every configuration; pipeline-parallel ones are unsupported (the step model has no pipeline stages)
     * @throws IOException when a file cannot be read
     */
    public static List<Configuration> readV2(List<Path> roots) throws IOException {
        List<MlEnergyRecord> records = new ArrayList<>();
        for (Path r : roots) {
            if (Files.isDirectory(r)) records.addAll(org.llmenergy.estimate.external.MlEnergyV2Reader.readAll(r));
            else if (r.getFileName().toString().matches("bs\\d+\\+tp\\d+\\+pp\\d+\\.json")) records.add(org.llmenergy.estimate.external.MlEnergyV2Reader.read(r));
        }
        List<Configuration> out = new ArrayList<>();
        for (MlEnergyRecord r : records) {
            String file = r.provenance().details().getOrDefault("file", r.modelId());
            String source = file + "#0";
            Optional<ModelConfig> preset = Presets.forModelId(r.modelId());
            Optional<GpuSpec> gpu = GpuCatalog.builtIn().find(r.gpu());
            String reason = null;
            if (r.pipelineParallel() > 1) reason = "pipeline parallelism (pp " + r.pipelineParallel() + ") is not modelled";
            else if (preset.isEmpty()) reason = "no preset for '" + r.modelId() + "' and v2 files give no parameter counts";
            else if (gpu.isEmpty()) reason = "GPU '" + r.gpu() + "' is not in the catalog";
            if (reason != null) {
                out.add(new Configuration.Unsupported(source, r.modelId(), r.gpu(), r.tensorParallel(), r.configuredBatch(), r.energyPerTokenJ(), reason));
                continue;
            }
            double eo = r.avgOutputTokens();
            CalibrationPoint p = new CalibrationPoint(source, r.modelId(), preset.get().name(), r.task(), V2_GENERATION,
                    StepShape.of(preset.get()), gpu.get().name(), r.numGpus(), false, Precision.BF16.bytesPerElement(), false,
                    r.configuredBatch(), eo, V2_SECOND_MOMENT_RATIO * eo * eo,
                    new CalibrationPoint.Measured(r.energyPerTokenJ(), r.avgBatch(), r.stepSeconds(), OptionalDouble.empty(), r.medianItlMs()));
            out.add(new Configuration.Supported(p, false));
        }
        return out;
    }

    /** @return null when the leaderboard's architecture label is one the step model represents, else the reason */
    static String unsupportedArchitecture(String architecture) {
        String a = architecture == null ? "" : architecture.toLowerCase(Locale.ROOT);
        if (a.isEmpty() || a.contains("dense") || a.equals("moe") || a.contains("mixture")) return null;
        if (a.contains("mamba") || a.contains("hybrid") || a.contains("ssm") || a.contains("linear")) {
            return "architecture '" + architecture + "': state-space or linear-attention layers have no KV cache growing "
                    + "with context and different step costs; the step model represents transformer attention only";
        }
        return "architecture '" + architecture + "' is not one the step model represents (dense or MoE transformers)";
    }

    /**
     * E[O] and E[O^2] of a histogram, each bin's mass spread uniformly over the bin.
     *
     * @return {E[O], E[O^2]}, or null when the histogram is empty
     */
    static double[] outputMoments(List<Double> edges, List<Long> counts) {
        double n = 0, s1 = 0, s2 = 0;
        for (int i = 0; i < counts.size(); i++) {
            double lo = edges.get(i), hi = edges.get(i + 1), c = counts.get(i);
            double mid = (lo + hi) / 2, w = hi - lo;
            n += c;
            s1 += c * mid;
            s2 += c * (mid * mid + w * w / 12);
        }
        return n > 0 ? new double[] {s1 / n, s2 / n} : null;
    }
}

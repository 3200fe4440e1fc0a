package org.llmenergy.cli;

import java.util.OptionalDouble;
import org.llmenergy.estimate.EstimateFlag;
import org.llmenergy.estimate.calibrated.CalibratedModel;
import org.llmenergy.estimate.calibrated.Engine;
import org.llmenergy.estimate.calibrated.Serving;
import org.llmenergy.hardware.GpuSpec;
import org.llmenergy.model.ModelConfig;
import org.llmenergy.model.Precision;
import org.llmenergy.model.Presets;
import picocli.CommandLine.Option;

/**
 * The options that describe a configuration of the calibrated model (model or parameter count, GPU, parallelism,
 * precision, engine, software generation, batching), shared by {@code estimate} and {@code simulate}, and how they
 * build it.
 */
final class ModelOptions {
    /** vLLM's default {@code max_num_seqs} (vLLM engine arguments, docs.vllm.ai, 2024). */
    static final int VLLM_DEFAULT_MAX_NUM_SEQS = 256;

    @Option(names = "--model", paramLabel = "<preset|id|config.json>",
            description = "A model preset, a Hugging Face id or config.json (estimate: default the model of --source results, else llama-3.1-8b).")
    String model;

    @Option(names = "--params", paramLabel = "<count>",
            description = "Instead of --model: total parameters (70B, 560M, 7e9); the shape comes from documented defaults (flagged).")
    String params;

    @Option(names = "--active-params", paramLabel = "<count>",
            description = "With --params: parameters each token multiplies, for a mixture of experts (17B).")
    String activeParams;

    @Option(names = "--gpu", paramLabel = "<name>",
            description = "GPU: catalog, NVML or vendor name (required for the calibrated model; estimate's paper-fit, results and energies default to RTX-A6000).")
    String gpu;

    @Option(names = "--tp", defaultValue = "1", paramLabel = "N", description = "Tensor-parallel GPUs (default ${DEFAULT-VALUE}).")
    int tp;

    @Option(names = "--dtype", defaultValue = "bf16", paramLabel = "<dtype>", description = "Weight precision: bf16, fp16, fp8, int8, int4, mxfp4, fp32 (default ${DEFAULT-VALUE}).")
    String dtype;

    @Option(names = "--engine", defaultValue = "vllm", paramLabel = "vllm|hf-eager", description = "Serving engine (default ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--generation", paramLabel = "<name>",
            description = "Calibrated: the software generation whose parameters to use (default: the newest in the calibration).")
    String generation;

    @Option(names = "--max-num-seqs", paramLabel = "S", description = "Continuous batching with at most S sequences (calibrated only).")
    Integer maxNumSeqs;

    @Option(names = "--batch", paramLabel = "B",
            description = "Static batches of B (estimate's paper-fit default: the largest that fits the GPU, up to 256; results default: the largest measured).")
    Integer batch;

    /**
     * @param fallbackModel the model when neither --model nor --params is given
     * @return the model's shape: --params (with --active-params) from documented defaults, else --model or the fallback
     */
    ModelConfig config(String fallbackModel) {
        if (params != null && model != null) throw new IllegalArgumentException("give --model or --params, not both");
        if (activeParams != null && params == null) throw new IllegalArgumentException("--active-params needs --params");
        return params != null
                ? Presets.fromParameterCount(count("--params", params),
                        activeParams == null ? OptionalDouble.empty() : OptionalDouble.of(count("--active-params", activeParams)))
                : Presets.resolve(model != null ? model : fallbackModel);
    }

    /**
     * The calibrated model. Without --max-num-seqs or --batch it assumes continuous batching at vLLM's default
     * max_num_seqs of 256 (vLLM engine arguments, docs.vllm.ai, 2024) and flags that.
     */
    CalibratedModel calibrated(ModelConfig config, GpuSpec gpuSpec) {
        CalibratedModel.Builder b = CalibratedModel.builder().setModel(config).setGpu(gpuSpec).optTensorParallel(tp)
                .optPrecision(Precision.parse(dtype)).optEngine(Engine.parse(engine));
        if (generation != null) b.optGeneration(generation);
        if (batch != null) {
            b.optServing(Serving.staticBatch(batch));
        } else if (maxNumSeqs != null) {
            b.optServing(Serving.continuous(maxNumSeqs));
        } else {
            b.optServing(Serving.continuous(VLLM_DEFAULT_MAX_NUM_SEQS)).optFlag(new EstimateFlag(EstimateFlag.Kind.ASSUMPTION,
                    "continuous batching at vLLM's default max_num_seqs " + VLLM_DEFAULT_MAX_NUM_SEQS + " (give --max-num-seqs or --batch)"));
        }
        if (params != null) {
            b.optFlag(new EstimateFlag(EstimateFlag.Kind.DEFAULT_ARCHITECTURE, "shape of " + config.name()
                    + " from --params" + (activeParams == null ? "" : " and --active-params") + " with the documented defaults"
                    + " of Presets.fromParameterCount"));
        }
        return b.build();
    }

    private static double count(String option, String text) {
        try {
            return Presets.parseParameterCount(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}

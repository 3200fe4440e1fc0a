package org.llmenergy.estimate.external;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.llmenergy.units.Provenance;

/**
 * One ML.ENERGY leaderboard configuration: a model served on some GPUs at a batch limit, with its measured
 * steady-state energy. ML.ENERGY counts GPU energy only, subtracts no idle baseline, and charges the steady-state
 * energy per token to output tokens (prefill is amortised in), so per-request numbers are not attributable to
 * input length.
 *
 * @param leaderboard       {@code "v2"} or {@code "v3"}
 * @param task              the task, for example {@code "chat"}, {@code "code"} or {@code "gpqa"}
 * @param modelId           Hugging Face model id
 * @param gpu               GPU name as the file gives it
 * @param numGpus           GPUs used (v2: TP x PP)
 * @param tensorParallel    tensor-parallel degree
 * @param pipelineParallel  pipeline-parallel degree (1 where the file has none)
 * @param expertParallel    expert-parallel degree (1 where the file has none; v3's {@code parallelization})
 * @param configuredBatch   the batch limit of the configuration (v2: {@code bsN} in the file name; v3:
 *                          {@code max_num_seqs})
 * @param maxBatchObserved  the largest batch observed (v2's {@code Max BS}), if given
 * @param avgBatch          the mean running batch, if given
 * @param avgOutputTokens   mean output tokens per request
 * @param energyPerRequestJ energy per request, in joules (summed over GPUs)
 * @param energyPerTokenJ   energy per output token, in joules (v2: derived as per-request energy / mean output
 *                          tokens, said so in the provenance)
 * @param avgPowerW         mean power summed over GPUs, in watts, if given (v3)
 * @param outputTokensPerS  output throughput, in tokens per second, if given
 * @param medianItlMs       median inter-token latency, in milliseconds, if given (v3; v2 gives the mean TPOT)
 * @param provenance        {@code paper-published}, citing the ML.ENERGY Benchmark and the file
 */
public record MlEnergyRecord(
        String leaderboard,
        String task,
        String modelId,
        String gpu,
        int numGpus,
        int tensorParallel,
        int pipelineParallel,
        int expertParallel,
        int configuredBatch,
        OptionalInt maxBatchObserved,
        OptionalDouble avgBatch,
        double avgOutputTokens,
        double energyPerRequestJ,
        double energyPerTokenJ,
        OptionalDouble avgPowerW,
        OptionalDouble outputTokensPerS,
        OptionalDouble medianItlMs,
        Provenance provenance) {

    /** @return the mean time of one engine step (mean batch / output throughput), in seconds, when both are given */
    public OptionalDouble stepSeconds() {
        return avgBatch.isPresent() && outputTokensPerS.isPresent()
                ? OptionalDouble.of(avgBatch.getAsDouble() / outputTokensPerS.getAsDouble()) : OptionalDouble.empty();
    }
}

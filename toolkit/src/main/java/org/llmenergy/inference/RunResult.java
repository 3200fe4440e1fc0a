package org.llmenergy.inference;

import java.util.List;

/**
 * Timings and outputs of one run. Times are wall-clock seconds between device synchronisations at the phase
 * edges ({@link PhaseListener}); throughputs count tokens of all sequences of the batch.
 *
 * @param model                  model name
 * @param weights                where the weights came from ({@link ModelSource#describe()})
 * @param device                 {@code cpu} or {@code gpu:N}
 * @param precision              {@code fp32} or {@code fp16}
 * @param threads                libtorch intra-op threads during the run
 * @param attention              which attention ran ({@link InferenceEngine#attentionPath()}): the fused block or
 *                               the chunked path, with why
 * @param batch                  sequences
 * @param inputTokens            prompt tokens per sequence
 * @param outputTokens           generated tokens per sequence
 * @param decoding               decoding label
 * @param prefillSeconds         prefill: prompt processing up to the first output token (time to first token), s
 * @param decodeSeconds          decode: the remaining {@code outputTokens - 1} tokens, s
 * @param timePerOutputTokenSeconds decode seconds per decode step, or null when {@code outputTokens == 1}
 * @param endToEndSeconds        prefill + decode, s
 * @param prefillTokensPerSecond prompt tokens (batch x input) per prefill second
 * @param decodeTokensPerSecond  decode tokens (batch x (output - 1)) per decode second, or null when
 *                               {@code outputTokens == 1}
 * @param outputTokensPerSecond  output tokens (batch x output) per end-to-end second
 * @param peakMemory             peak memory during the run, or the reason it is missing
 * @param speculative            speculative-decoding statistics, or null for other strategies
 * @param tokens                 generated token ids, {@code [batch][outputTokens]}
 * @param notes                  why any field above is null, and other caveats
 */
public record RunResult(
        String model,
        String weights,
        String device,
        String precision,
        int threads,
        String attention,
        int batch,
        int inputTokens,
        int outputTokens,
        String decoding,
        double prefillSeconds,
        double decodeSeconds,
        Double timePerOutputTokenSeconds,
        double endToEndSeconds,
        double prefillTokensPerSecond,
        Double decodeTokensPerSecond,
        double outputTokensPerSecond,
        MemoryReading peakMemory,
        SpeculativeStats speculative,
        int[][] tokens,
        List<String> notes) {

    public RunResult {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}

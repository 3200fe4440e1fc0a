package org.llmenergy.inference;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * One cell measured with warm-up and repeats.
 *
 * @param spec    the cell
 * @param warmup  warm-up runs done first and discarded
 * @param repeats the measured runs
 */
public record CellReport(RunSpec spec, int warmup, List<RunResult> repeats) {
    public CellReport {
        Objects.requireNonNull(spec, "spec");
        repeats = List.copyOf(repeats);
        if (repeats.isEmpty()) throw new IllegalArgumentException("a cell report needs at least one repeat");
    }

    /** @return prefill (time to first token) seconds over the repeats */
    public Stat prefillSeconds() { return stat(RunResult::prefillSeconds); }

    /** @return decode seconds over the repeats */
    public Stat decodeSeconds() { return stat(RunResult::decodeSeconds); }

    /** @return end-to-end seconds over the repeats */
    public Stat endToEndSeconds() { return stat(RunResult::endToEndSeconds); }

    /** @return prompt tokens per prefill second over the repeats */
    public Stat prefillTokensPerSecond() { return stat(RunResult::prefillTokensPerSecond); }

    /** @return output tokens per end-to-end second over the repeats */
    public Stat outputTokensPerSecond() { return stat(RunResult::outputTokensPerSecond); }

    /** @return seconds per decode step over the repeats, or null when the cell has one output token */
    public Stat timePerOutputTokenSeconds() {
        return repeats.get(0).timePerOutputTokenSeconds() == null ? null : stat(RunResult::timePerOutputTokenSeconds);
    }

    /** @return decode tokens per second over the repeats, or null when the cell has one output token */
    public Stat decodeTokensPerSecond() {
        return repeats.get(0).decodeTokensPerSecond() == null ? null : stat(RunResult::decodeTokensPerSecond);
    }

    private Stat stat(ToDoubleFunction<RunResult> f) {
        return Stat.of(repeats.stream().mapToDouble(f).toArray());
    }
}

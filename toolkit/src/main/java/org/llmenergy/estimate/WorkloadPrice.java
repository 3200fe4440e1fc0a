package org.llmenergy.estimate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.llmenergy.units.Interval;
import org.llmenergy.units.Provenance;

/**
 * A workload priced by one {@link EnergyModel}: what {@link WorkloadPricing} returns. Every figure covers the
 * priced requests only; the excluded ones are counted beside them, never as 0.
 *
 * @param source            the model's source label
 * @param provenance        the model's provenance
 * @param workload          the workload's label
 * @param binned            true when requests were priced at their bins' upper edges
 * @param distinctShapes    how many distinct (input, output) shapes were priced
 * @param requests          priced requests
 * @param inputTokens       their prompt tokens
 * @param outputTokens      their generated tokens
 * @param total             their energy with its 90 % interval, in joules; empty when no request was priced
 * @param prefillJoules     the prefill part of {@code total}'s value, in joules; empty when the source does not
 *                          split prefill from decode (per-bin batch energies)
 * @param decodeJoules      the decode part, in joules; empty likewise
 * @param servingSeconds    time the serving replica (all its GPUs together) spends on the priced requests, in
 *                          seconds: the sum of {@link RequestEnergy.Priced#seconds()}; empty when the source does not
 *                          model time (see {@code timeMissing})
 * @param timeMissing       why {@code servingSeconds} is empty, else null
 * @param theoreticalJoules the FLOPs x TDP / peak baseline over the priced requests, in joules; empty when not asked
 * @param exclusions        requests not priced, by reason
 * @param flags             flags, deduplicated, each with the number of priced requests it holds for
 */
public record WorkloadPrice(String source, Provenance provenance, String workload, boolean binned, long distinctShapes,
                            long requests, long inputTokens, long outputTokens, Optional<Interval> total,
                            OptionalDouble prefillJoules, OptionalDouble decodeJoules, OptionalDouble servingSeconds,
                            String timeMissing,
                            OptionalDouble theoreticalJoules, List<Exclusion> exclusions, List<FlagCount> flags) {
    public WorkloadPrice {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(servingSeconds, "servingSeconds");
        Objects.requireNonNull(prefillJoules, "prefillJoules");
        Objects.requireNonNull(decodeJoules, "decodeJoules");
        Objects.requireNonNull(theoreticalJoules, "theoreticalJoules");
        exclusions = List.copyOf(exclusions);
        flags = List.copyOf(flags);
    }

    /** @return requests not priced, over all reasons */
    public long excludedRequests() { return exclusions.stream().mapToLong(Exclusion::requests).sum(); }

    /** @return prompt tokens of the excluded requests; empty when some exclusion did not keep its tokens */
    public OptionalLong excludedInputTokens() {
        long s = 0;
        for (Exclusion e : exclusions) {
            if (e.inputTokens().isEmpty()) return OptionalLong.empty();
            s += e.inputTokens().getAsLong();
        }
        return OptionalLong.of(s);
    }

    /** @return generated tokens of the excluded requests; empty when some exclusion did not keep its tokens */
    public OptionalLong excludedOutputTokens() {
        long s = 0;
        for (Exclusion e : exclusions) {
            if (e.outputTokens().isEmpty()) return OptionalLong.empty();
            s += e.outputTokens().getAsLong();
        }
        return OptionalLong.of(s);
    }

    /** @return true when some requests were not priced: the total then covers part of the workload */
    public boolean partial() { return !exclusions.isEmpty(); }

    /** @return the energy per priced request with its interval, in joules; empty when none was priced */
    public Optional<Interval> perRequest() {
        return requests == 0 ? Optional.empty() : total.map(t -> t.times(1.0 / requests));
    }

    /** @return the energy per generated token of the priced requests with its interval, in joules */
    public Optional<Interval> perOutputToken() {
        return outputTokens == 0 ? Optional.empty() : total.map(t -> t.times(1.0 / outputTokens));
    }

    /** @return mean power of the serving replica (all its GPUs), in watts (energy / serving seconds); empty without time */
    public OptionalDouble meanPowerWatts() {
        return servingSeconds.isPresent() && total.isPresent() && servingSeconds.getAsDouble() > 0
                ? OptionalDouble.of(total.get().value() / servingSeconds.getAsDouble()) : OptionalDouble.empty();
    }

    /** @return generated tokens per second of the serving replica; empty without time */
    public OptionalDouble outputTokensPerSecond() {
        return servingSeconds.isPresent() && servingSeconds.getAsDouble() > 0
                ? OptionalDouble.of(outputTokens / servingSeconds.getAsDouble()) : OptionalDouble.empty();
    }

    /** @return serving seconds per generated token; empty without time */
    public OptionalDouble secondsPerOutputToken() {
        return servingSeconds.isPresent() && outputTokens > 0
                ? OptionalDouble.of(servingSeconds.getAsDouble() / outputTokens) : OptionalDouble.empty();
    }
}

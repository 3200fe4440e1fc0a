package org.llmenergy.estimate;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Requests of a workload that were not priced, for one reason, counted.
 *
 * @param reason       why, in words a user can act on
 * @param requests     how many requests (> 0)
 * @param inputTokens  their prompt tokens, or empty when the workload did not keep them (bins counted elsewhere)
 * @param outputTokens their generated tokens, or empty likewise
 */
public record Exclusion(String reason, long requests, OptionalLong inputTokens, OptionalLong outputTokens) {
    public Exclusion {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(inputTokens, "inputTokens");
        Objects.requireNonNull(outputTokens, "outputTokens");
        if (requests <= 0) throw new IllegalArgumentException("an exclusion counts at least one request, got " + requests);
    }

    /** @return an exclusion whose tokens are known */
    public static Exclusion of(String reason, long requests, long inputTokens, long outputTokens) {
        return new Exclusion(reason, requests, OptionalLong.of(inputTokens), OptionalLong.of(outputTokens));
    }
}

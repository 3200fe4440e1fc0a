package org.llmenergy.estimate;

import java.util.Objects;

/**
 * A flag of a priced workload with how many of its priced requests it holds for.
 *
 * @param flag     the flag
 * @param requests requests it holds for (all of them for a flag of the whole pricer)
 */
public record FlagCount(EstimateFlag flag, long requests) {
    public FlagCount {
        Objects.requireNonNull(flag, "flag");
        if (requests < 0) throw new IllegalArgumentException("requests must be >= 0, got " + requests);
    }
}

package org.llmenergy.workload;

import java.time.Instant;

/**
 * One inference request of a trace: R = (input tokens, output tokens), the paper's (i_k, o_k) (Fernandez et
 * al. 2025, §4.1), plus its arrival time when the trace has one.
 *
 * @param input   prompt length, tokens (≥ 0)
 * @param output  generated length, tokens (≥ 0)
 * @param arrival when the request arrived, or null when the trace has no times. Azure traces give absolute
 *                UTC times; BurstGPT gives seconds since the trace's start, stored as that offset from
 *                {@link Instant#EPOCH} (so 1970-01-01 means "start of trace")
 */
public record Request(int input, int output, Instant arrival) {
    public Request {
        if (input < 0) throw new IllegalArgumentException("input tokens must be >= 0, got " + input);
        if (output < 0) throw new IllegalArgumentException("output tokens must be >= 0, got " + output);
    }

    /** A request without an arrival time. */
    public Request(int input, int output) { this(input, output, null); }

    /** @return arrival in seconds since 1970-01-01T00:00Z (or since the trace's start, for BurstGPT) */
    public java.util.OptionalDouble arrivalSeconds() {
        return arrival == null ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(arrival.getEpochSecond() + arrival.getNano() / 1e9);
    }
}

package org.llmenergy.experiment.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A batch size as a sweep asks for it: a fixed number of sequences, or {@link #LARGEST} ("max" in a spec),
 * the largest batch B(I, O) that fits, which the protocol resolves per cell by prediction and probing.
 *
 * @param fixed sequences per batch, or null for the largest batch that fits
 */
public record BatchSize(Integer fixed) {
    /** The largest batch that fits, written {@code "max"} in specs and results. */
    public static final BatchSize LARGEST = new BatchSize(null);

    public BatchSize {
        if (fixed != null && fixed <= 0) throw new IllegalArgumentException("batch size must be > 0, got " + fixed);
    }

    /** @return a fixed batch of {@code sequences} */
    public static BatchSize of(int sequences) { return new BatchSize(sequences); }

    /** @return true for "the largest batch that fits" */
    public boolean isLargest() { return fixed == null; }

    /** @return the JSON form: the number, or {@code "max"} */
    @JsonValue
    public Object json() { return fixed == null ? "max" : fixed; }

    /** Reads the JSON form: a positive integer or the string {@code "max"}. */
    @JsonCreator
    public static BatchSize fromJson(Object value) {
        if ("max".equals(value)) return LARGEST;
        if (value instanceof Integer i) return of(i);
        throw new IllegalArgumentException("batch size must be a positive integer or \"max\", got " + value);
    }

    @Override
    public String toString() { return fixed == null ? "max" : fixed.toString(); }
}

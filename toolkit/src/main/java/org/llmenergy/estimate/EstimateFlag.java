package org.llmenergy.estimate;

/**
 * A typed caveat on an estimate: what it extrapolates or assumes.
 *
 * @param kind   what kind of caveat
 * @param detail the specifics, for example {@code "input 12000 > calibrated 8192"}
 */
public record EstimateFlag(Kind kind, String detail) {

    /** The kinds of caveat. */
    public enum Kind {
        /** A length, batch or parallelism beyond the calibrated range. */
        EXTRAPOLATED,
        /** A GPU without calibration data: transferred from datasheet figures, with a wider interval. */
        UNCALIBRATED_GPU,
        /** A model without a preset or config: its shape comes from documented defaults. */
        DEFAULT_ARCHITECTURE,
        /** An assumption the user did not state (input lengths of a task, software generation, ...). */
        ASSUMPTION,
        /** A feature the model does not represent, priced without it. */
        UNSUPPORTED_FEATURE,
        /** The sparse-peak FLOP/s figure (twice the dense peak) is used. */
        SPARSE_PEAK
    }

    /** @return {@code "kind: detail"} */
    @Override
    public String toString() { return kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + detail; }
}

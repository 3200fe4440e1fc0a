package org.llmenergy.units;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How an energy (or power) figure was obtained. Every energy figure the toolkit publishes carries one, in
 * the spirit of Tribuo's provenance: a reader can always tell a measurement from an estimate, and a
 * counter reading from a power integral.
 *
 * <p>Build one with {@link #builder()}, derive a variant with {@link #toBuilder()}, and describe a figure computed
 * from other figures (a sum of windows, full run minus prefill run, a model output) with
 * {@link #derivedFrom(Collection)}, which keeps the inputs' provenances. Caveats a program acts on are typed
 * {@link Flag}s; {@code reasons} explains them in words.
 *
 * @param source            where the number comes from
 * @param devices           the devices measured, for example {@code "GPU-6f1c…: NVIDIA H100 80GB HBM3"}; empty
 *                          for model estimates
 * @param driver            driver or library version, or null when not applicable
 * @param samplingIntervalS power sampling interval in seconds, or null when no sampling was involved
 * @param windowStartS      window start, seconds since the epoch, or null
 * @param windowEndS        window end, seconds since the epoch, or null
 * @param netOfIdle         true when an idle baseline was subtracted
 * @param valid             false when the figure should not be trusted; {@code reasons} says why
 * @param reasons           validity reasons and caveats in words, never null
 * @param details           anything else worth recording (model of an estimate, citation, …), never null
 * @param flags             typed caveats, never null (empty in files written before flags existed)
 * @param derivedFrom       the provenances of the figures this one was computed from, empty for a figure read
 *                          directly from a meter or a publication
 */
public record Provenance(
        Source source,
        List<String> devices,
        String driver,
        Double samplingIntervalS,
        Double windowStartS,
        Double windowEndS,
        boolean netOfIdle,
        boolean valid,
        List<String> reasons,
        Map<String, String> details,
        Set<Flag> flags,
        List<Provenance> derivedFrom) {

    public Provenance {
        devices = devices == null ? List.of() : List.copyOf(devices);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        details = details == null ? Map.of() : Map.copyOf(details);
        // EnumSet keeps the flags in declaration order, so written files are deterministic
        flags = flags == null || flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        derivedFrom = derivedFrom == null ? List.of() : List.copyOf(derivedFrom);
    }

    /** @return true when the figure is an estimate or a model rather than a reading of a meter */
    public boolean isEstimate() { return source.isEstimate(); }

    /** @return true when the figure carries that flag */
    public boolean has(Flag flag) { return flags.contains(flag); }

    /** A provenance for numbers that come from a model or a publication rather than a meter. */
    public static Provenance of(Source source, Map<String, String> details) {
        return builder().setSource(source).optDetails(details).build();
    }

    /** @return an empty builder; {@link Builder#setSource} is required */
    public static Builder builder() { return new Builder(); }

    /** @return a builder holding every field of this provenance, to derive a variant */
    public Builder toBuilder() {
        Builder b = new Builder().setSource(source).optDevices(devices).optDriver(driver)
                .optSamplingIntervalS(samplingIntervalS).optWindow(windowStartS, windowEndS).optNetOfIdle(netOfIdle)
                .optValid(valid).optReasons(reasons).optDetails(details);
        flags.forEach(b::optFlag);
        b.derivedFrom.addAll(derivedFrom);
        return b;
    }

    /**
     * A builder for a figure computed from other figures, pre-filled from the inputs: the first input's source,
     * driver, sampling interval and details; every input's devices, reasons and flags (each once, in order); the
     * window from the earliest start to the latest end; net of idle and valid only when every input is. The inputs
     * are kept as {@link #derivedFrom()}. Change what differs (a model's source, a new reason, a detail) before
     * {@link Builder#build()}.
     *
     * @param inputs the provenances of the figures combined, at least one
     * @return the builder
     */
    public static Builder derivedFrom(Collection<Provenance> inputs) {
        if (inputs.isEmpty()) throw new IllegalArgumentException("a derived figure needs at least one input");
        Provenance first = inputs.iterator().next();
        Builder b = new Builder().setSource(first.source).optDriver(first.driver)
                .optSamplingIntervalS(first.samplingIntervalS).optDetails(first.details);
        Double start = null;
        Double end = null;
        boolean net = true;
        boolean valid = true;
        for (Provenance p : inputs) {
            b.devices.addAll(p.devices);
            b.reasons.addAll(p.reasons);
            b.flags.addAll(p.flags);
            if (p.windowStartS != null && (start == null || p.windowStartS < start)) start = p.windowStartS;
            if (p.windowEndS != null && (end == null || p.windowEndS > end)) end = p.windowEndS;
            net &= p.netOfIdle;
            valid &= p.valid;
        }
        b.derivedFrom.addAll(inputs);
        return b.optWindow(start, end).optNetOfIdle(net).optValid(valid);
    }

    /**
     * Builds a {@link Provenance} in DJL's convention: {@code set…} for the required source, {@code opt…} for the
     * rest. Defaults: no devices, driver, sampling interval or window; gross (not net of idle); valid; no reasons,
     * details, flags or inputs. The {@code opt} methods for lists and maps add to what is there.
     */
    public static final class Builder {
        private Source source;
        private final Set<String> devices = new LinkedHashSet<>();
        private String driver;
        private Double samplingIntervalS;
        private Double windowStartS;
        private Double windowEndS;
        private boolean netOfIdle;
        private boolean valid = true;
        private final Set<String> reasons = new LinkedHashSet<>();
        private final Map<String, String> details = new LinkedHashMap<>();
        private final Set<Flag> flags = EnumSet.noneOf(Flag.class);
        private final List<Provenance> derivedFrom = new ArrayList<>();
        private int derivedFromLimit = Integer.MAX_VALUE;

        Builder() {}

        /** @param source where the number comes from (required) @return this */
        public Builder setSource(Source source) { this.source = source; return this; }

        /** @param devices devices measured, added after those already set (each once) @return this */
        public Builder optDevices(Collection<String> devices) { this.devices.addAll(devices); return this; }

        /** @param driver driver or library version, or null @return this */
        public Builder optDriver(String driver) { this.driver = driver; return this; }

        /** @param seconds power sampling interval in seconds, or null when nothing was sampled @return this */
        public Builder optSamplingIntervalS(Double seconds) { this.samplingIntervalS = seconds; return this; }

        /**
         * @param startS window start, seconds since the epoch, or null
         * @param endS   window end, seconds since the epoch, or null
         * @return this
         */
        public Builder optWindow(Double startS, Double endS) {
            this.windowStartS = startS;
            this.windowEndS = endS;
            return this;
        }

        /** @param netOfIdle true when an idle baseline was subtracted @return this */
        public Builder optNetOfIdle(boolean netOfIdle) { this.netOfIdle = netOfIdle; return this; }

        /** @param valid false when the figure should not be trusted (give a reason) @return this */
        public Builder optValid(boolean valid) { this.valid = valid; return this; }

        /** Marks the figure not valid and says why. @return this */
        public Builder invalid(String reason) { this.valid = false; return optReason(reason); }

        /** @param reason a caveat or validity reason in words, added once @return this */
        public Builder optReason(String reason) { this.reasons.add(Objects.requireNonNull(reason, "reason")); return this; }

        /** @param reasons caveats in words, added after those already set (each once) @return this */
        public Builder optReasons(Collection<String> reasons) { reasons.forEach(this::optReason); return this; }

        /** @param key a detail's name @param value its value (replaces an earlier one) @return this */
        public Builder optDetail(String key, String value) { this.details.put(key, value); return this; }

        /** @param details details, added to (and replacing) those already set @return this */
        public Builder optDetails(Map<String, String> details) { this.details.putAll(details); return this; }

        /** @param flag a typed caveat @return this */
        public Builder optFlag(Flag flag) { this.flags.add(Objects.requireNonNull(flag, "flag")); return this; }

        /** @param inputs provenances of figures this one was computed from, added after any already set @return this */
        public Builder optDerivedFrom(Collection<Provenance> inputs) { this.derivedFrom.addAll(inputs); return this; }

        /**
         * Lists at most {@code max} inputs (the first ones) in {@link Provenance#derivedFrom()}; when there are more,
         * the detail {@code derivedFromListed} says how many were left out. The combined fields of
         * {@link Provenance#derivedFrom(Collection)} still cover every input. Default: no limit.
         *
         * @param max inputs to list, at least 1
         * @return this
         */
        public Builder optDerivedFromLimit(int max) {
            if (max < 1) throw new IllegalArgumentException("derivedFrom limit must be >= 1, got " + max);
            this.derivedFromLimit = max;
            return this;
        }

        /**
         * @return the provenance
         * @throws IllegalStateException when the source is missing, or a window ends before it starts
         */
        public Provenance build() {
            if (source == null) throw new IllegalStateException("provenance needs a source (setSource)");
            if (windowStartS != null && windowEndS != null && windowEndS < windowStartS) {
                throw new IllegalStateException("provenance window ends (" + windowEndS + ") before it starts ("
                        + windowStartS + ")");
            }
            List<Provenance> inputs = derivedFrom;
            Map<String, String> allDetails = details;
            if (inputs.size() > derivedFromLimit) {
                allDetails = new LinkedHashMap<>(details);
                allDetails.put("derivedFromListed", "the first " + derivedFromLimit + " of " + inputs.size() + " inputs");
                inputs = inputs.subList(0, derivedFromLimit);
            }
            return new Provenance(source, List.copyOf(devices), driver, samplingIntervalS, windowStartS, windowEndS,
                    netOfIdle, valid, List.copyOf(reasons), allDetails, flags, inputs);
        }
    }

    /**
     * Typed caveats: what a program should not have to read out of {@code reasons}. Each has a stable label for
     * files.
     */
    public enum Flag {
        /** A model used beyond the lengths, batch sizes or settings it was fitted or measured on. */
        EXTRAPOLATED("extrapolated"),
        /** Interpolated between measured neighbours, not measured at this point. */
        INTERPOLATED("interpolated"),
        /** The window spans few updates of the energy counter, so its quantisation error is large. */
        COUNTER_QUANTISED("counter-quantised"),
        /** The power integral rests on the two window-edge readings only. */
        EDGE_READINGS_ONLY("edge-readings-only"),
        /** The energy counter was unavailable, so the figure is the integral of sampled power. */
        POWER_INTEGRAL_FALLBACK("power-integral-fallback"),
        /** Counter and power integral disagree beyond the threshold. */
        METHODS_DISAGREE("methods-disagree"),
        /**
         * The integral of instant power disagrees with the counter beyond the threshold while the integral of the
         * sensor's 1-s average agrees: the instant readings aliased with a periodic load, and the counter stands.
         */
        INSTANT_POWER_ALIASED("instant-power-aliased"),
        /** A gap between power samples is longer than the sampling rule allows. */
        SAMPLE_GAP("sample-gap"),
        /** A difference (net of idle, full run minus prefill run) came out negative. */
        NEGATIVE("negative"),
        /** Figures of different sources were combined. */
        MIXED_SOURCES("mixed-sources"),
        /** The idle baseline subtracted was itself not valid. */
        IDLE_BASELINE_INVALID("idle-baseline-invalid");

        private final String label;

        Flag(String label) { this.label = label; }

        /** @return the stable label, for example {@code "extrapolated"} */
        public String label() { return label; }

        /** @return the flag with this label */
        public static Flag fromLabel(String label) {
            for (Flag f : values()) if (f.label.equals(label)) return f;
            throw new IllegalArgumentException("unknown provenance flag '" + label + "'");
        }
    }

    /** The kinds of source, with the labels the results files and the report use. */
    public enum Source {
        NVML_COUNTER("nvml-counter", false),
        NVML_POWER_INTEGRAL("nvml-power-integral", false),
        RAPL("rapl", false),
        CPU_TIME_ESTIMATE("cpu-time-estimate", true),
        PAPER_PUBLISHED("paper-published", false),
        PAPER_DIGITIZED("paper-digitized", true),
        MODEL("model", true);

        private final String label;
        private final boolean estimate;

        Source(String label, boolean estimate) {
            this.label = label;
            this.estimate = estimate;
        }

        /** @return the stable label, for example {@code "nvml-counter"} */
        public String label() { return label; }

        /** @return true for estimates (CPU-time model, digitised figure values, analytic models) */
        public boolean isEstimate() { return estimate; }

        /** @return the source with this label */
        public static Source fromLabel(String label) {
            for (Source s : values()) if (s.label.equals(label)) return s;
            throw new IllegalArgumentException("unknown provenance source '" + label + "'");
        }
    }
}

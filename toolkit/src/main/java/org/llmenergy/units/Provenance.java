package org.llmenergy.units;

import java.util.List;
import java.util.Map;

/**
 * How an energy (or power) figure was obtained. Every energy figure the toolkit publishes carries one, in
 * the spirit of Tribuo's provenance: a reader can always tell a measurement from an estimate, and a
 * counter reading from a power integral.
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
 * @param reasons           validity reasons and caveats, never null
 * @param details           anything else worth recording (model of an estimate, citation, …), never null
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
        Map<String, String> details) {

    public Provenance {
        devices = devices == null ? List.of() : List.copyOf(devices);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** @return true when the figure is an estimate or a model rather than a reading of a meter */
    public boolean isEstimate() { return source.isEstimate(); }

    /** A provenance for numbers that come from a model or a publication rather than a meter. */
    public static Provenance of(Source source, Map<String, String> details) {
        return new Provenance(source, List.of(), null, null, null, null, false, true, List.of(), details);
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

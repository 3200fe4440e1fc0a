package org.llmenergy.energy;

import java.util.List;

/**
 * Which backend a meter uses and why: for {@code auto}, the reasons every better backend was rejected.
 *
 * @param chosen   the backend in use
 * @param reasons  one line per backend considered, in the order tried, e.g.
 *                 {@code "nvml rejected: libnvidia-ml.so.1 not found"}, {@code "cpu-estimate chosen: …"}
 */
public record MeterChoice(MeterKind chosen, List<String> reasons) {
    public MeterChoice {
        reasons = List.copyOf(reasons);
    }

    /** @return the reasons as one sentence */
    public String describe() { return String.join("; ", reasons); }
}

package org.llmenergy.energy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which backend a meter uses and why, with every backend tried before it and the reason it was refused.
 *
 * @param chosen   the backend in use
 * @param reasons  one line per backend considered, in the order tried, e.g.
 *                 {@code "nvml rejected: libnvidia-ml.so.1 not found"}, {@code "cpu-estimate chosen: …"}
 * @param rejected the backends tried first and refused, in the order tried, each with its refusal reason;
 *                 empty when the first choice was usable
 */
public record MeterChoice(MeterKind chosen, List<String> reasons, Map<MeterKind, String> rejected) {
    public MeterChoice {
        reasons = List.copyOf(reasons);
        rejected = Collections.unmodifiableMap(new LinkedHashMap<>(rejected == null ? Map.of() : rejected));
        if (rejected.containsKey(chosen)) {
            throw new IllegalArgumentException(chosen.label() + " cannot be both chosen and rejected");
        }
    }

    /** @return true when a preferred backend was refused and this one is a fallback */
    public boolean fellBack() { return !rejected.isEmpty(); }

    /** @return the reasons as one sentence */
    public String describe() { return String.join("; ", reasons); }
}

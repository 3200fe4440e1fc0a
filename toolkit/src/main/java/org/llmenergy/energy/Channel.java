package org.llmenergy.energy;

import java.util.Map;
import java.util.Objects;
import org.llmenergy.units.Provenance;

/**
 * One thing a backend measures: a GPU, a RAPL domain, the CPU-time estimate. Part of the backend SPI.
 *
 * @param id                 short stable id: {@code "gpu0"}, {@code "package-1"}, {@code "dram-0"}, {@code "cpu"}
 * @param domain             {@code "gpu"}, {@code "package"}, {@code "dram"}, {@code "psys"} or {@code "cpu"}
 * @param description        the device in words, for example {@code "GPU-6f1c…: NVIDIA H100 80GB HBM3"}
 * @param inTotal            whether the channel counts in a measurement's total
 * @param counterSource      provenance source of the counter figure
 * @param joulesPerUnit      joules per raw counter unit (1e-3 for NVML's mJ, 1e-6 for RAPL's µJ)
 * @param wrapModulus        the raw value at which the counter wraps to 0: 0 for a 64-bit counter,
 *                           -1 for a counter that never wraps (a decrease is then a reset)
 * @param maxPlausibleWatts  a power no reading can exceed; a larger jump is treated as a counter reset
 * @param noCounterReason    why the channel has no counter, or null when it has one
 * @param powerQuantity      what the power reading is ({@code "instant"}, {@code "usage"}…), or null when
 *                           the channel has no power reading of its own
 * @param noPowerReason      why there is no power reading, or null when there is one
 * @param powerCaveat        a caveat attached to every power-integral figure (for example 1-s averaging), or null
 * @param counterPeriodS     the counter's update period in seconds as probed at open, NaN when unknown
 * @param periodIsLowerBound true when {@code counterPeriodS} is only a lower bound (too few updates seen)
 * @param details            other facts about the device (architecture, power limit…) for provenance
 */
public record Channel(String id, String domain, String description, boolean inTotal,
                      Provenance.Source counterSource, double joulesPerUnit, long wrapModulus,
                      double maxPlausibleWatts, String noCounterReason, String powerQuantity, String noPowerReason,
                      String powerCaveat, double counterPeriodS, boolean periodIsLowerBound,
                      Map<String, String> details) {
    public Channel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(counterSource, "counterSource");
        if ((powerQuantity == null) == (noPowerReason == null)) {
            throw new IllegalArgumentException("channel " + id + ": give either a power quantity or a reason for none");
        }
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** @return true when the channel has a cumulative energy counter */
    public boolean hasCounter() { return noCounterReason == null; }

    /** @return true when the channel has its own power reading */
    public boolean hasPower() { return powerQuantity != null; }
}

package org.llmenergy.energy;

import java.util.Map;
import java.util.Objects;

/**
 * The energy of one channel (a GPU, a CPU package, a DRAM domain, the CPU-time estimate) in one window.
 *
 * <p>{@code gross} is the figure to use: the energy counter when it could resolve the window, otherwise
 * the power integral, labelled as such in its provenance. {@code counter} and {@code powerIntegral} are the
 * two independent figures behind it, both kept so that each checks the other.
 *
 * @param channel             channel id: {@code "gpu0"}, {@code "package-1"}, {@code "dram-0"}, {@code "cpu"}
 * @param domain              {@code "gpu"}, {@code "package"}, {@code "dram"}, {@code "psys"} or {@code "cpu"}
 * @param description         the device, for example {@code "GPU-6f1c…: NVIDIA H100 80GB HBM3"}
 * @param inTotal             whether the channel counts in the measurement's total (psys does not: it
 *                            contains the packages and DRAM)
 * @param gross               energy in J, counter first, integral as fallback
 * @param net                 gross minus idle power × duration, J; unavailable without an idle baseline
 * @param counter             energy from the cumulative counter, J
 * @param powerIntegral       trapezoid integral of sampled power over the exact window bounds, J
 * @param disagreement        |counter − integral| / max(counter, integral), or null when either is missing
 * @param disagreementFlagged true when {@code disagreement} exceeds the meter's threshold
 * @param meanPowerW          gross / duration, W, or null
 * @param peakPowerW          the highest sampled (or counter-derived) power in the window, W, or null
 * @param details             per-channel facts: counter update period, sample count, largest sample gap…
 */
public record DeviceEnergy(String channel, String domain, String description, boolean inTotal,
                           EnergyFigure gross, EnergyFigure net, EnergyFigure counter, EnergyFigure powerIntegral,
                           Double disagreement, boolean disagreementFlagged, Double meanPowerW, Double peakPowerW,
                           Map<String, String> details) {
    public DeviceEnergy {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(gross, "gross");
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(powerIntegral, "powerIntegral");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}

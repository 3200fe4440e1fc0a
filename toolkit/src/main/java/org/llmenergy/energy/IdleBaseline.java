package org.llmenergy.energy;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Idle power per channel, measured over a window in which the caller ran nothing. Net-of-idle energy is
 * gross energy minus idle power × window duration (llenergymeasure's "adjusted" energy).
 *
 * @param idleWatts   channel id → mean idle power in W; a channel whose idle window gave no figure is absent
 * @param missing     channel id → why it has no idle power
 * @param measurement the idle window itself, with its provenance
 */
public record IdleBaseline(Map<String, Double> idleWatts, Map<String, String> missing, Measurement measurement) {
    public IdleBaseline {
        idleWatts = Map.copyOf(idleWatts);
        missing = Map.copyOf(missing);
        Objects.requireNonNull(measurement, "measurement");
    }

    /** @return idle power of the channel in W, or empty */
    public OptionalDouble watts(String channel) {
        Double w = idleWatts.get(channel);
        return w == null ? OptionalDouble.empty() : OptionalDouble.of(w);
    }

    /** @return how long the idle window lasted, in seconds */
    public double durationS() { return measurement.durationS(); }
}

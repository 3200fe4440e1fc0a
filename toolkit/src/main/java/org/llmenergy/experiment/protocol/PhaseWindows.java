package org.llmenergy.experiment.protocol;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.llmenergy.energy.EnergyMeter;
import org.llmenergy.energy.Measurement;
import org.llmenergy.inference.Phase;
import org.llmenergy.inference.PhaseListener;

/**
 * The one bridge from an engine's phase edges to a meter's windows: a prefill and a decode window, opened and
 * closed when the engine reports the edges (after it has waited for the device), their measurements kept in the
 * order they ended. Closing cancels whichever of its windows a failure left open, so open it in
 * try-with-resources. Used by the sweep's DJL executor and by {@code llm-energy run}.
 */
public final class PhaseWindows implements PhaseListener, AutoCloseable {
    private final EnergyMeter meter;
    private final String suffix;
    private final Map<Phase, List<Measurement>> measured = new EnumMap<>(Phase.class);

    /**
     * @param meter  the meter to open windows on
     * @param suffix appended to the window names ({@code "prefill" + suffix}), so that windows of several runs
     *               can be told apart; may be empty
     */
    public PhaseWindows(EnergyMeter meter, String suffix) {
        this.meter = Objects.requireNonNull(meter, "meter");
        this.suffix = Objects.requireNonNull(suffix, "suffix");
    }

    @Override
    public void onPhase(Phase phase, Phase.Edge edge) {
        String name = windowName(phase);
        if (edge == Phase.Edge.START) {
            meter.begin(name);
        } else {
            measured.computeIfAbsent(phase, p -> new ArrayList<>()).add(meter.end(name));
        }
    }

    /** @return the measurements of that phase's windows, in the order they ended; empty when none ended */
    public List<Measurement> measurements(Phase phase) {
        return List.copyOf(measured.getOrDefault(phase, List.of()));
    }

    /** Cancels this bridge's windows that are still open (a run that failed between a phase's edges). */
    @Override
    public void close() {
        for (Phase phase : Phase.values()) {
            String name = windowName(phase);
            if (meter.openWindows().contains(name)) meter.cancel(name);
        }
    }

    private String windowName(Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT) + suffix;
    }
}

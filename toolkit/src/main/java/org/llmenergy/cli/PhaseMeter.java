package org.llmenergy.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.llmenergy.energy.EnergyMeter;
import org.llmenergy.energy.IdleBaseline;
import org.llmenergy.energy.Measurement;
import org.llmenergy.energy.MeasurementJson;
import org.llmenergy.experiment.protocol.PhaseWindows;
import org.llmenergy.inference.Phase;
import org.llmenergy.inference.PhaseListener;

/**
 * Meters {@code llm-energy run}: a prefill and a decode window for each measured repeat, through the same
 * {@link PhaseWindows} bridge the sweep uses, and their JSON.
 */
final class PhaseMeter {
    private final EnergyMeter meter;
    private final List<PhaseWindows> repeats = new ArrayList<>();
    private IdleBaseline idle;

    PhaseMeter(EnergyMeter meter) { this.meter = meter; }

    /** Measures idle power first, so every window also gets a net-of-idle figure. */
    void measureIdle(double seconds) throws InterruptedException {
        if (seconds > 0) idle = meter.measureIdle(seconds);
    }

    /** @return the listener for measured repeat {@code i} */
    PhaseListener forRepeat(int i) {
        PhaseWindows phases = new PhaseWindows(meter, "-" + i);
        repeats.add(phases);
        return phases;
    }

    /** @return the energy part of the run's JSON: meter, its choice, idle baseline, each repeat's phases */
    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("meter", meter.kind().toString());
        o.put("meter_choice", meter.choice().describe());
        if (idle != null) o.set("idle", MeasurementJson.idle(idle));
        var list = o.putArray("repeats");
        for (PhaseWindows phases : repeats) {
            ObjectNode r = list.addObject();
            for (Phase phase : Phase.values()) {
                List<Measurement> windows = phases.measurements(phase);
                // one window per phase and repeat; the last one if an engine ever reported a phase twice
                if (!windows.isEmpty()) {
                    r.set(phase.name().toLowerCase(Locale.ROOT), MeasurementJson.toNode(windows.get(windows.size() - 1)));
                }
            }
        }
        return o;
    }
}

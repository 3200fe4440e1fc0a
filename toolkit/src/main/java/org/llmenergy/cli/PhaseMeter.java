package org.llmenergy.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.llmenergy.energy.EnergyMeter;
import org.llmenergy.energy.IdleBaseline;
import org.llmenergy.energy.Measurement;
import org.llmenergy.energy.MeasurementJson;
import org.llmenergy.inference.Phase;
import org.llmenergy.inference.PhaseListener;

/**
 * Meters {@code llm-energy run}: a prefill and a decode window for each measured repeat, opened and closed on
 * the engine's phase edges (after it has waited for the device).
 */
final class PhaseMeter {
    private final EnergyMeter meter;
    private final List<Map<Phase, Measurement>> repeats = new ArrayList<>();
    private IdleBaseline idle;

    PhaseMeter(EnergyMeter meter) { this.meter = meter; }

    /** Measures idle power first, so every window also gets a net-of-idle figure. */
    void measureIdle(double seconds) throws InterruptedException {
        if (seconds > 0) idle = meter.measureIdle(seconds);
    }

    /** @return the listener for measured repeat {@code i} */
    PhaseListener forRepeat(int i) {
        Map<Phase, Measurement> phases = new EnumMap<>(Phase.class);
        repeats.add(phases);
        return (phase, edge) -> {
            String name = phase.name().toLowerCase(Locale.ROOT) + "-" + i;
            if (edge == Phase.Edge.START) meter.begin(name);
            else phases.put(phase, meter.end(name));
        };
    }

    /** @return the energy part of the run's JSON: meter, its choice, idle baseline, each repeat's phases */
    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("meter", meter.kind().toString());
        o.put("meter_choice", meter.choice().describe());
        if (idle != null) o.set("idle", MeasurementJson.idle(idle));
        var list = o.putArray("repeats");
        for (Map<Phase, Measurement> phases : repeats) {
            ObjectNode r = list.addObject();
            for (var e : phases.entrySet()) r.set(e.getKey().name().toLowerCase(Locale.ROOT), MeasurementJson.toNode(e.getValue()));
        }
        return o;
    }
}

package org.llmenergy.impact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.llmenergy.io.Json;
import org.llmenergy.units.Interval;

/** Writes {@link Impacts} as the JSON block documented at {@link Impacts#toJson()}. */
final class ImpactJson {
    private static final ObjectMapper MAPPER = Json.mapper();

    private ImpactJson() {}

    static ObjectNode write(Impacts i) {
        ObjectNode root = MAPPER.createObjectNode();
        GridFactors g = i.request().grid();
        ObjectNode loc = root.putObject("location");
        loc.put("label", g.location().label());
        loc.put("name", g.name());
        root.put("interval_level", Interval.LEVEL);
        interval(root.putObject("energy_j"), i.request().energyJ());
        interval(root.putObject("energy_kwh"), i.itEnergyKwh());
        interval(root.putObject("facility_energy_kwh"), i.facilityKwh());
        value(root.putObject("operational_gco2e"), i.operational());
        ObjectNode water = value(root.putObject("water_l"), i.water());
        value(water.putObject("onsite"), i.waterOnsite());
        value(water.putObject("offsite"), i.waterOffsite());
        value(root.putObject("embodied_gco2e"), i.embodied());
        ObjectNode cost = value(root.putObject("cost"), i.cost());
        if (i.cost().isPresent()) cost.put("currency", i.cost().unit());

        ObjectNode f = root.putObject("factors");
        factor(f.putObject("carbon_intensity"), g.carbonIntensity(), g.carbonMissing());
        factor(f.putObject("pue"), i.pue(), null);
        factor(f.putObject("wue"), i.wue(), null);
        factor(f.putObject("grid_water"), g.water(), g.waterMissing());
        factor(f.putObject("primary_energy"), g.primaryEnergy(), g.waterMissing());
        factor(f.putObject("adpe"), g.adpe(), g.waterMissing());
        factor(f.putObject("price"), i.request().price() == null ? null : i.request().price().factor(), "no electricity price given");
        Embodied.Footprint fp = i.footprint();
        factor(f.putObject("embodied_per_gpu"), fp == null ? null : fp.perGpu(), fp == null ? "no GPU named" : fp.missingReason());
        if (i.request().gpuSeconds() != null) {
            ObjectNode s = f.putObject("gpu_seconds");
            s.put("value", i.request().gpuSeconds());
            s.put("unit", "GPU-s");
            s.put("source", "user (--gpu-hours)");
        }
        Amortisation a = i.request().amortisation();
        ObjectNode am = f.putObject("amortisation");
        am.put("lifetime_years", a.lifetimeYears());
        am.put("utilisation", a.utilisation());
        am.put("source", a.source());
        return root;
    }

    private static void interval(ObjectNode n, Interval v) {
        n.put("value", v.value());
        n.put("low", v.low());
        n.put("high", v.high());
    }

    private static ObjectNode value(ObjectNode n, ImpactValue v) {
        if (v.isPresent()) {
            interval(n, v.interval());
        } else {
            n.putNull("value");
            n.put("reason", v.missingReason());
        }
        return n;
    }

    private static void factor(ObjectNode n, Factor f, String missing) {
        if (f == null) {
            n.putNull("value");
            n.put("reason", missing);
            return;
        }
        n.put("value", f.value());
        n.put("unit", f.unit());
        n.put("source", f.source());
        if (f.year() == null) n.putNull("year");
        else n.put("year", f.year());
        if (f.note() != null) n.put("note", f.note());
    }
}

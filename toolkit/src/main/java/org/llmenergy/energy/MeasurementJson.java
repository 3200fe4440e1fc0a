package org.llmenergy.energy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.llmenergy.io.Json;
import org.llmenergy.units.Provenance;

/**
 * Measurements as JSON: what {@code llm-energy measure} prints and what a results store can embed. Missing
 * figures are {@code null} with an {@code unavailableReason}, never 0; sources use their stable labels.
 */
public final class MeasurementJson {
    /** The schema name and version written in every document. */
    public static final String SCHEMA = "llm-energy.measurement/1";

    private static final ObjectMapper MAPPER = Json.mapper();

    private MeasurementJson() {}

    /** @return the measurement as a JSON tree */
    public static ObjectNode toNode(Measurement m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schema", SCHEMA);
        o.put("name", m.name());
        o.put("meter", m.meter().label());
        o.put("startEpochS", m.startEpochS());
        o.put("endEpochS", m.endEpochS());
        o.put("durationS", m.durationS());
        o.put("valid", m.valid());
        o.set("total", figure(m.total()));
        o.set("totalNet", figure(m.totalNet()));
        putNullable(o, "meanPowerW", m.meanPowerW());
        putNullable(o, "peakPowerW", m.peakPowerW());
        ArrayNode devices = o.putArray("devices");
        for (DeviceEnergy d : m.devices()) devices.add(device(d));
        o.set("provenance", provenance(m.provenance()));
        ArrayNode series = o.putArray("series");
        for (PowerSeries s : m.series()) {
            ObjectNode n = series.addObject();
            n.put("channel", s.channel());
            n.put("quantity", s.quantity());
            ArrayNode t = n.putArray("timeS");
            for (double v : s.timeS()) t.add(v);
            ArrayNode w = n.putArray("watts");
            for (double v : s.watts()) w.add(v);
        }
        ArrayNode telemetry = o.putArray("telemetry");
        for (TelemetrySample s : m.telemetry()) {
            ObjectNode n = telemetry.addObject();
            n.put("timeS", s.timeS());
            n.put("channel", s.channel());
            n.put("temperatureC", s.temperatureC());
            n.put("smClockMhz", s.smClockMhz());
            n.put("gpuUtilization", s.gpuUtilization());
            n.put("memUtilization", s.memUtilization());
        }
        return o;
    }

    /** @return the measurement as indented JSON */
    public static String toJson(Measurement m) {
        return write(toNode(m));
    }

    /** @return an energy figure as JSON: joules (or null), the reason when null, and the provenance */
    public static ObjectNode figure(EnergyFigure f) {
        ObjectNode o = MAPPER.createObjectNode();
        putNullable(o, "joules", f.joules());
        if (f.missingReason() != null) o.put("unavailableReason", f.missingReason());
        o.set("provenance", provenance(f.provenance()));
        return o;
    }

    /** @return a provenance as JSON, with the source's and flags' stable labels and its inputs nested */
    public static ObjectNode provenance(Provenance p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("source", p.source().label());
        o.put("estimate", p.isEstimate());
        ArrayNode devices = o.putArray("devices");
        p.devices().forEach(devices::add);
        o.put("driver", p.driver());
        putNullable(o, "samplingIntervalS", p.samplingIntervalS());
        putNullable(o, "windowStartS", p.windowStartS());
        putNullable(o, "windowEndS", p.windowEndS());
        o.put("netOfIdle", p.netOfIdle());
        o.put("valid", p.valid());
        ArrayNode reasons = o.putArray("reasons");
        p.reasons().forEach(reasons::add);
        ObjectNode details = o.putObject("details");
        p.details().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> details.put(e.getKey(), e.getValue()));
        ArrayNode flags = o.putArray("flags");
        p.flags().forEach(f -> flags.add(f.label()));
        ArrayNode inputs = o.putArray("derivedFrom");
        p.derivedFrom().forEach(in -> inputs.add(provenance(in)));
        return o;
    }

    /** @return the idle baseline as JSON */
    public static ObjectNode idle(IdleBaseline b) {
        ObjectNode o = MAPPER.createObjectNode();
        ObjectNode w = o.putObject("idleWatts");
        b.idleWatts().forEach(w::put);
        ObjectNode missing = o.putObject("missing");
        b.missing().forEach(missing::put);
        o.set("measurement", toNode(b.measurement()));
        return o;
    }

    /** @return any JSON tree as indented text */
    public static String write(ObjectNode node) {
        try {
            return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static ObjectNode device(DeviceEnergy d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("channel", d.channel());
        o.put("domain", d.domain());
        o.put("description", d.description());
        o.put("inTotal", d.inTotal());
        o.set("gross", figure(d.gross()));
        o.set("net", figure(d.net()));
        o.set("counter", figure(d.counter()));
        o.set("powerIntegral", figure(d.powerIntegral()));
        putNullable(o, "disagreement", d.disagreement());
        o.put("disagreementFlagged", d.disagreementFlagged());
        putNullable(o, "meanPowerW", d.meanPowerW());
        putNullable(o, "peakPowerW", d.peakPowerW());
        ObjectNode details = o.putObject("details");
        d.details().forEach(details::put);
        return o;
    }

    private static void putNullable(ObjectNode o, String key, Double v) {
        if (v == null) o.putNull(key);
        else o.put(key, v);
    }
}

package org.llmenergy.experiment.results;

import org.llmenergy.experiment.spec.ExperimentJson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmenergy.energy.MeasurementJson;
import org.llmenergy.units.Provenance;

/** Provenance in files: results written before flags and inputs existed still read; new ones round-trip. */
class ProvenanceJsonTest {
    /** A provenance as results files stored it before flags and derivedFrom. */
    private static final String OLD = """
            {"source":"nvml-counter","devices":["gpu0 GPU-1: H100"],"driver":"550.54","samplingIntervalS":0.1,
             "windowStartS":10.0,"windowEndS":20.0,"netOfIdle":false,"valid":true,"reasons":["quantised"],
             "details":{"meter":"nvml"},"estimate":false}
            """;

    @Test
    void oldFilesReadWithNoFlagsAndNoInputs() throws Exception {
        Provenance p = ExperimentJson.mapper().readValue(OLD, Provenance.class);
        assertEquals(Provenance.Source.NVML_COUNTER, p.source());
        assertEquals(List.of("quantised"), p.reasons());
        assertTrue(p.flags().isEmpty());
        assertTrue(p.derivedFrom().isEmpty());
    }

    @Test
    void flagsAndInputsRoundTripByLabel() throws Exception {
        Provenance window = ExperimentJson.mapper().readValue(OLD, Provenance.class);
        Provenance sum = Provenance.derivedFrom(List.of(window, window)).optFlag(Provenance.Flag.EXTRAPOLATED).build();
        String json = ExperimentJson.mapper().writeValueAsString(sum);
        JsonNode tree = ExperimentJson.mapper().readTree(json);
        assertEquals("extrapolated", tree.get("flags").get(0).asText(), json);
        assertEquals("nvml-counter", tree.get("derivedFrom").get(1).get("source").asText(), json);
        assertEquals(sum, ExperimentJson.mapper().readValue(json, Provenance.class));
        JsonNode shown = MeasurementJson.provenance(sum);
        assertEquals("extrapolated", shown.get("flags").get(0).asText());
        assertEquals(2, shown.get("derivedFrom").size());
        assertEquals("550.54", shown.get("derivedFrom").get(0).get("driver").asText());
    }
}

package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code llm-energy impacts} against the mirrored factor files. */
class ImpactsCommandTest {
    @Test
    void franceAtPueOneIsTheFileFigureWithItsYear() throws Exception {
        CliRun r = CliRun.of("impacts", "--energy", "1kWh", "--region", "FRA", "--pue", "1", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(56.039, j.get("operational_gco2e").get("value").asDouble(), 0);
        assertEquals(2023, j.get("factors").get("carbon_intensity").get("year").asInt());
    }

    @Test
    void cloudRegionGivesTheProvidersFigure() {
        CliRun r = CliRun.of("impacts", "--energy", "1kWh", "--cloud", "gcp:europe-west1", "--pue", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("operational: 122.0 g CO2e"), r.out());
        assertTrue(r.out().contains("cloud.google.com/sustainability/region-carbon"), r.out());
    }

    @Test
    void intervalsGpuAndPriceFromTheCommandLine() throws Exception {
        CliRun r = CliRun.of("impacts", "--energy", "2kWh", "--energy-low", "1kWh", "--energy-high", "3kWh", "--grid-intensity", "100",
                "--pue", "1.5", "--price-per-kwh", "0.2", "--currency", "EUR", "--gpu", "H100-SXM", "--gpu-hours", "8", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(300, j.get("operational_gco2e").get("value").asDouble(), 1e-9);
        assertEquals(150, j.get("operational_gco2e").get("low").asDouble(), 1e-9);
        assertEquals(450, j.get("operational_gco2e").get("high").asDouble(), 1e-9);
        assertEquals(0.6, j.get("cost").get("value").asDouble(), 1e-12);
        // 164 kg over 4 years fully used, 8 GPU-hours
        assertEquals(164_000.0 * 8 * 3600 / (4 * 365.25 * 86400), j.get("embodied_gco2e").get("value").asDouble(), 1e-9);
        assertTrue(j.get("water_l").get("value").isNull(), "no grid water given, so total water is unknown");
    }

    @Test
    void badInputIsAClearErrorWithExitCodeOne() {
        CliRun unknown = CliRun.of("impacts", "--energy", "1kWh", "--region", "Frnace");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("closest: FRA (France)"), unknown.err());
        assertTrue(CliRun.of("impacts", "--energy", "1kWh", "--region", "DEU", "--pue", "0.8").err().contains("--pue must be >= 1"));
        assertTrue(CliRun.of("impacts", "--energy", "1kWh", "--grid-intensity", "3000").err().contains("above 2000"));
        assertTrue(CliRun.of("impacts", "--energy", "-1kWh", "--region", "DEU").err().contains("negative"));
        assertTrue(CliRun.of("impacts", "--energy", "1kWh").err().contains("nothing is computed without a location"));
        CliRun caf = CliRun.of("impacts", "--energy", "1kWh", "--region", "CAF", "--format", "json");
        assertEquals(0, caf.exit(), caf.err());
        assertTrue(caf.out().contains("\"value\" : null"), caf.out());
    }
}

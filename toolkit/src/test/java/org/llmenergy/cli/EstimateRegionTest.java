package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code estimate --region}: the impacts block carries the estimate's interval. */
class EstimateRegionTest {

    @Test
    void theImpactsBlockCarriesTheEnergyIntervalThroughTheGridFactor() throws Exception {
        CliRun run = CliRun.of("estimate", "--model", "llama-3.1-8b", "--gpu", "H100", "--max-num-seqs", "64", "--input", "512",
                "--output", "256", "--requests", "1000", "--region", "DEU", "--pue", "1.2", "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode total = root.get("total_j"), imp = root.get("impacts"), co2 = imp.get("operational_gco2e");
        double intensity = imp.get("factors").get("carbon_intensity").get("value").asDouble();
        assertTrue(intensity > 100 && intensity < 1000, "Germany's grid intensity " + intensity);
        for (String end : new String[] {"value", "low", "high"}) {
            double expected = total.get(end).asDouble() / 3.6e6 * 1.2 * intensity;
            assertEquals(expected, co2.get(end).asDouble(), 1e-9 * expected, end);
        }
        assertNotEquals(co2.get("low").asDouble(), co2.get("high").asDouble(), "the interval carries through");
        assertTrue(imp.get("embodied_gco2e").get("value").asDouble() > 0, "an H100's embodied share for the replica's GPU time");
        assertEquals(1.2, imp.get("factors").get("pue").get("value").asDouble(), 1e-12);
    }

    @Test
    void withoutARegionThereIsNoImpactsBlockAndAnUnknownOneIsAnError() throws Exception {
        CliRun plain = CliRun.of("estimate", "--model", "llama-3.1-8b", "--gpu", "H100", "--max-num-seqs", "64", "--input", "512",
                "--output", "256", "--format", "json");
        assertEquals(0, plain.exit(), plain.err());
        assertTrue(new ObjectMapper().readTree(plain.out()).get("impacts") == null);
        CliRun bad = CliRun.of("estimate", "--model", "llama-3.1-8b", "--gpu", "H100", "--input", "512", "--output", "256", "--region", "GERMANYX");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("GERMANYX"), bad.err());
    }
}

package org.llmenergy.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.llmenergy.estimate.calibrated.Calibration;
import org.llmenergy.estimate.calibrated.MlEnergyPoints;

/** The simulator replaying ML.ENERGY v3 configurations (mirrored files) as the leaderboard ran them. */
class ClosedLoopValidationTest {
    private static Path file(String name) {
        String mirror = System.getenv("LLM_ENERGY_DATASETS_MIRROR");
        Path p = (mirror != null ? Path.of(mirror) : Path.of("..", "..", "shared", "datasets"))
                .resolve(Path.of("mlenergy-v3", "public", "data", "models", name));
        Assumptions.assumeTrue(Files.isRegularFile(p), "no ML.ENERGY v3 mirror at " + p);
        return p;
    }

    @Test
    void llama8bOnLmArenaChatIsReproducedInBatchAndEnergy() throws Exception {
        List<ClosedLoopValidation.Row> rows = ClosedLoopValidation.run(
                MlEnergyPoints.readV3(List.of(file("meta-llama__Llama-3.1-8B-Instruct__lm-arena-chat.json"))), Calibration.bundled());
        assertTrue(rows.size() >= 5, "configurations: " + rows.size());
        for (ClosedLoopValidation.Row r : rows) {
            assertEquals("ok", r.status(), r.toString());
            assertTrue(r.simulatedBatch() <= r.maxNumSeqs() + 1e-9, r.toString());
            assertTrue(r.low() <= r.simulatedJoulesPerToken() && r.simulatedJoulesPerToken() <= r.high(), r.toString());
        }
        Map<String, Object> s = ClosedLoopValidation.summary(rows);
        // a closed loop keeps the batch near max_num_seqs, as ML.ENERGY measured; energy within the calibration's error
        assertTrue((Double) s.get("mape_avg_batch_pct") < 10, s.toString());
        assertTrue((Double) s.get("mape_joules_per_token_pct") < 25, s.toString());
        assertTrue((Double) s.get("mape_median_itl_pct") < 35, s.toString());
    }
}

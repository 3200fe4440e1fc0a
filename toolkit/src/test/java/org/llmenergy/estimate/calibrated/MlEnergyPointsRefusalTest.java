package org.llmenergy.estimate.calibrated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.llmenergy.estimate.external.MlEnergyModelFile;
import org.llmenergy.estimate.external.MlEnergyV3Reader;

/** A model file whose id names an unrepresentable family is refused with the reason, never shaped from its counts. */
class MlEnergyPointsRefusalTest {
    @Test
    void hybridIdIsUnsupportedWithTheReason() throws Exception {
        Path models = Path.of("..", "..", "shared", "datasets", "mlenergy-v3", "public", "data", "models");
        String mirror = System.getenv("LLM_ENERGY_DATASETS_MIRROR");
        if (mirror != null) models = Path.of(mirror, "mlenergy-v3", "public", "data", "models");
        Path file = models.resolve("Qwen__Qwen3-8B__gpqa.json");
        Assumptions.assumeTrue(Files.isRegularFile(file), "no ML.ENERGY v3 mirror at " + models);
        MlEnergyModelFile real = MlEnergyV3Reader.read(file);
        // the same measurements under the id of a Mamba hybrid: counts alone would price it as a transformer
        MlEnergyModelFile hybrid = new MlEnergyModelFile("ai21labs/AI21-Jamba-Mini-1.6", real.task(), "MoE",
                real.totalParamsBillions(), real.activeParamsBillions(), real.weightPrecision(), real.outputLengthEdges(),
                real.outputLengthCounts(), real.configurations());
        List<Configuration> out = MlEnergyPoints.fromV3(hybrid, "jamba.json");
        assertEquals(real.configurations().size(), out.size(), "every configuration is listed");
        for (Configuration c : out) {
            Configuration.Unsupported u = assertInstanceOf(Configuration.Unsupported.class, c);
            assertTrue(u.reason().contains("Mamba"), u.reason());
        }
        assertTrue(MlEnergyPoints.fromV3(real, "qwen.json").stream().allMatch(c -> c instanceof Configuration.Supported));
    }
}

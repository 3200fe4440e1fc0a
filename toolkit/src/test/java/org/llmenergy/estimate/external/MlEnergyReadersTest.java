package org.llmenergy.estimate.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.units.Provenance;

class MlEnergyReadersTest {
    @TempDir Path dir;

    private Path v2File(String json) throws IOException {
        Path d = dir.resolve("llm_text_generation/chat/H100 80GB HBM3/meta-llama/Meta-Llama-3.1-8B-Instruct");
        Files.createDirectories(d);
        Path f = d.resolve("bs64+tp1+pp1.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void readsAV2FileAndDerivesEnergyPerToken() throws IOException {
        Path f = v2File("{\"Model\": \"meta-llama/Meta-Llama-3.1-8B-Instruct\", \"GPU\": \"NVIDIA H100 80GB HBM3\", \"TP\": 1, \"PP\": 1,"
                + " \"Energy/req (J)\": 100.0, \"Avg TPOT (s)\": 0.02, \"Token tput (tok/s)\": 2000.0, \"Avg Output Tokens\": 250.0,"
                + " \"Avg BS (reqs)\": 60.5, \"Max BS (reqs)\": 64}");
        MlEnergyRecord r = MlEnergyV2Reader.read(f);
        assertEquals("chat", r.task());
        assertEquals(64, r.configuredBatch());
        assertEquals(0.4, r.energyPerTokenJ(), 1e-12);
        assertEquals(60.5, r.avgBatch().getAsDouble());
        assertEquals(1, r.numGpus());
        assertEquals(Provenance.Source.PAPER_PUBLISHED, r.provenance().source());
        assertTrue(r.provenance().details().get("energy_per_token").startsWith("derived"));
        assertTrue(r.avgPowerW().isEmpty());
        assertEquals(1, MlEnergyV2Reader.readAll(dir).size());
    }

    @Test
    void badV2FieldIsNamed() throws IOException {
        Path f = v2File("{\"Model\": \"m\", \"GPU\": \"g\", \"TP\": 1, \"PP\": 1, \"Energy/req (J)\": \"lots\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MlEnergyV2Reader.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("Energy/req (J)"), e.getMessage());
        Path g = v2File("{\"Model\": \"m\", \"GPU\": \"g\", \"TP\": 2, \"PP\": 1}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MlEnergyV2Reader.read(g)).getMessage().contains("disagree"));
    }

    @Test
    void readsAV3ModelFile() throws IOException {
        Path f = dir.resolve("Org__Model__chat.json");
        Files.writeString(f, "{\"model_id\": \"Org/Model\", \"task\": \"chat\", \"architecture\": \"Dense Transformer\","
                + " \"total_params_billions\": 8.0, \"activated_params_billions\": 8.0, \"weight_precision\": \"bfloat16\","
                + " \"output_length_distribution\": {\"bins\": [0, 10, 20], \"counts\": [3, 4]},"
                + " \"configurations\": [{\"gpu_model\": \"H100\", \"num_gpus\": 1, \"max_num_seqs\": 8,"
                + " \"parallelization\": {\"tensor_parallel\": 1, \"data_parallel\": 1, \"expert_parallel\": 1},"
                + " \"avg_batch_size\": 7.9, \"avg_output_len\": 389.0, \"energy_per_request_joules\": 177.0,"
                + " \"energy_per_token_joules\": 0.455, \"avg_power_watts\": 487.0, \"output_throughput_tokens_per_sec\": 1070.0}]}");
        MlEnergyModelFile m = MlEnergyV3Reader.read(f);
        assertEquals(List.of(3L, 4L), m.outputLengthCounts());
        MlEnergyRecord r = m.configurations().get(0);
        assertEquals(0.455, r.energyPerTokenJ());
        assertEquals(8, r.configuredBatch());
        // ML.ENERGY's own consistency: J/token x tokens/s is about the mean power
        assertEquals(r.avgPowerW().getAsDouble(), r.energyPerTokenJ() * r.outputTokensPerS().getAsDouble(), 5);
    }

    @Test
    void realMirrorFilesWhenPresent() throws IOException {
        Path mirror = Path.of(System.getProperty("llmenergy.repo.root", "."), "..", "shared", "datasets");
        Path v2 = mirror.resolve("mlenergy-v2/data/llm_text_generation");
        Path v3 = mirror.resolve("mlenergy-v3/public/data/models/Qwen__Qwen3-14B__gpqa.json");
        assumeTrue(Files.isDirectory(v2) && Files.isRegularFile(v3), "ML.ENERGY files not in the dataset mirror");
        List<MlEnergyRecord> all = MlEnergyV2Reader.readAll(v2);
        assertEquals(314, all.size());
        assertTrue(all.stream().allMatch(r -> r.task().equals("chat") || r.task().equals("code")));
        MlEnergyModelFile q = MlEnergyV3Reader.read(v3);
        assertEquals("Qwen/Qwen3-14B", q.modelId());
        assertEquals(9, q.configurations().size());
        for (MlEnergyRecord r : q.configurations()) {
            assertEquals(r.energyPerRequestJ(), r.energyPerTokenJ() * r.avgOutputTokens(), r.energyPerRequestJ() * 0.02, r.gpu());
        }
    }
}

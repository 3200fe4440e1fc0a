package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calibrate} and {@code validate} on the mirrored ML.ENERGY v3 files and on self-made ones. */
class CalibrateValidateCommandTest {
    static Path models() {
        String mirror = System.getenv("LLM_ENERGY_DATASETS_MIRROR");
        Path p = mirror != null ? Path.of(mirror, "mlenergy-v3", "public", "data", "models")
                : Path.of("..", "..", "shared", "datasets", "mlenergy-v3", "public", "data", "models");
        Assumptions.assumeTrue(Files.isDirectory(p), "no ML.ENERGY v3 mirror at " + p);
        return p;
    }

    @Test
    void validateCoversEveryConfigurationWithTheAgreedFieldNames() throws Exception {
        CliRun run = CliRun.of("validate", "--against", models().toString(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals(281, root.get("configurations").size());
        JsonNode first = root.get("configurations").get(0);
        for (String f : new String[] {"file", "index", "model", "gpu", "tp", "max_num_seqs", "status", "reason", "predicted", "low", "high", "measured"}) {
            assertTrue(first.has(f), "missing field " + f + " in " + first);
        }
        assertEquals("ok", first.get("status").asText());
        assertTrue(first.get("low").asDouble() < first.get("predicted").asDouble() && first.get("predicted").asDouble() < first.get("high").asDouble());
        JsonNode s = root.get("summary");
        assertEquals(281, s.get("ok").asInt());
        assertTrue(s.get("mape_percent").asDouble() < 30, s.toString());
        assertTrue(s.get("mape_percent_by_gpu").has("B200"), s.toString());
    }

    @Test
    void anArchitectureTheModelCannotRepresentIsListedWithItsReasonNotPriced(@TempDir Path dir) throws Exception {
        String hybrid = """
                {"model_id": "someorg/Hybrid-Mamba-9B", "task": "gpqa", "architecture": "Hybrid Mamba-Transformer",
                 "total_params_billions": 9.0, "activated_params_billions": 9.0, "weight_precision": "bfloat16",
                 "output_length_distribution": {"bins": [0, 100, 200], "counts": [3, 1]},
                 "configurations": [{"gpu_model": "H100", "num_gpus": 1, "max_num_seqs": 8,
                   "parallelization": {"tensor_parallel": 1, "expert_parallel": 1, "data_parallel": 1},
                   "avg_batch_size": 8, "avg_output_len": 90, "energy_per_request_joules": 30,
                   "energy_per_token_joules": 0.33, "avg_power_watts": 400, "output_throughput_tokens_per_sec": 900}]}
                """;
        String unknownDense = hybrid.replace("someorg/Hybrid-Mamba-9B", "someorg/Unseen-Dense-9B").replace("Hybrid Mamba-Transformer", "Dense Transformer");
        Files.writeString(dir.resolve("h.json"), hybrid);
        Files.writeString(dir.resolve("u.json"), unknownDense);
        CliRun run = CliRun.of("validate", "--against", dir.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode rows = new ObjectMapper().readTree(run.out()).get("configurations");
        JsonNode h = rows.get(0), u = rows.get(1);
        assertEquals("unsupported", h.get("status").asText());
        assertTrue(h.get("reason").asText().contains("Mamba"), h.toString());
        assertTrue(h.get("predicted").isNull());
        assertEquals("ok", u.get("status").asText(), u.toString());
        assertTrue(u.get("reason").asText().contains("no preset"), "a model without a preset is flagged: " + u);
        assertEquals(1, new ObjectMapper().readTree(run.out()).get("summary").get("unsupported").asInt());
    }

    @Test
    void calibratePrintsLeaveOneModelOutErrorCoverageAndTheComparison(@TempDir Path dir) throws Exception {
        Path m = models();
        Path out = dir.resolve("cal.json");
        CliRun run = CliRun.of("calibrate", "--from", m.resolve("Qwen__Qwen3-8B__lm-arena-chat.json") + ","
                + m.resolve("meta-llama__Llama-3.1-8B-Instruct__lm-arena-chat.json") + "," + m.resolve("Qwen__Qwen3-14B__lm-arena-chat.json"),
                "--no-v2", "--write", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Leave-one-model-out"), run.out());
        assertTrue(run.out().contains("coverage"), run.out());
        assertTrue(run.out().contains("FLOPs x TDP / dense peak") && run.out().contains("paper Figure-2 fit transferred"), run.out());
        CliRun again = CliRun.of("validate", "--against", m.resolve("Qwen__Qwen3-8B__gpqa.json").toString(), "--calibration", out.toString(), "--format", "json");
        assertEquals(0, again.exit(), again.err());
        assertEquals(10, new ObjectMapper().readTree(again.out()).get("configurations").size());
    }
}

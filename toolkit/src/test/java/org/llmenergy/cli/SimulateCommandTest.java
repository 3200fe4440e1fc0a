package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llm-energy simulate} end to end, on the mirrored Azure trace and on small files. */
class SimulateCommandTest {
    @TempDir Path dir;

    private static JsonNode json(CliRun r) throws IOException { return new ObjectMapper().readTree(r.out()); }

    private Path trace(String name, String rows) throws IOException {
        Path t = dir.resolve(name);
        Files.writeString(t, "TIMESTAMP,ContextTokens,GeneratedTokens\n" + rows);
        return t;
    }

    @Test
    void theAzureConversationTraceOnAnA6000PrintsTheIssuesFields() throws IOException {
        CliRun r = CliRun.of("simulate", "--trace", "azure-conv-2023", "--model", "llama-3.1-8b", "--gpu", "RTX-A6000",
                "--max-num-seqs", "64", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = json(r);
        List<String> names = new ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("energy_j", "per_request_j", "per_output_token_j", "ttft_s", "itl_s", "e2e_s", "avg_batch",
                "makespan_s", "requests", "flags"), names.subList(0, 10));
        JsonNode e = j.get("energy_j");
        assertTrue(e.get("idle").asDouble() > 0, "idle energy between bursts: " + e);
        assertEquals(e.get("busy").asDouble() + e.get("idle").asDouble(), e.get("total").asDouble(), 1e-6 * e.get("total").asDouble());
        for (String k : List.of("ttft_s", "itl_s", "e2e_s")) {
            assertTrue(j.get(k).get("p99").asDouble() >= j.get(k).get("p50").asDouble(), k + " " + j.get(k));
        }
        assertEquals(19_366, j.get("requests").asLong() + j.get("excluded_requests").asLong(), "every row of the trace");
        double perRequest = j.get("per_request_j").get("value").asDouble();
        assertEquals(e.get("total").asDouble() / j.get("requests").asLong(), perRequest, 1e-9 * perRequest);
        assertTrue(j.get("per_request_j").get("low").asDouble() < perRequest && perRequest < j.get("per_request_j").get("high").asDouble());
        assertTrue(j.get("avg_batch").asDouble() >= 1 && j.get("avg_batch").asDouble() <= 64);
        assertTrue(j.get("power_w").size() > 10);
    }

    @Test
    void staticBatchesAllAtOnceMatchEstimatesPaperModeTotal() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 32; i++) rows.append("2023-11-16 18:15:").append(10 + i).append(".0,500,200\n");
        Path t = trace("static.csv", rows.toString());
        CliRun sim = CliRun.of("simulate", "--trace", t.toString(), "--gpu", "RTX-A6000", "--batch", "8", "--arrivals", "all-at-once",
                "--format", "json");
        assertEquals(0, sim.exit(), sim.err());
        CliRun est = CliRun.of("estimate", "--trace", t.toString(), "--gpu", "RTX-A6000", "--batch", "8", "--format", "json");
        assertEquals(0, est.exit(), est.err());
        double simulated = json(sim).get("energy_j").get("total").asDouble();
        double estimated = json(est).get("total_j").get("value").asDouble();
        assertEquals(estimated, simulated, 0.01 * estimated);
    }

    @Test
    void badInputIsRefusedWithTheReason() throws IOException {
        Path shuffled = trace("shuffled.csv", "2023-11-16 18:15:46.0,374,44\n2023-11-16 18:16:10.0,200,20\n2023-11-16 18:15:50.0,396,109\n");
        CliRun r = CliRun.of("simulate", "--trace", shuffled.toString(), "--gpu", "RTX-A6000");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(shuffled.toString()) && r.err().contains("request 3") && r.err().contains("--sort"), r.err());
        CliRun sorted = CliRun.of("simulate", "--trace", shuffled.toString(), "--gpu", "RTX-A6000", "--sort");
        assertEquals(0, sorted.exit(), sorted.err());

        CliRun rate = CliRun.of("simulate", "--trace", shuffled.toString(), "--gpu", "RTX-A6000", "--arrivals", "poisson:0");
        assertEquals(1, rate.exit());
        assertTrue(rate.err().contains("poisson rate"), rate.err());

        CliRun kv = CliRun.of("simulate", "--trace", shuffled.toString(), "--gpu", "RTX-A6000", "--max-num-seqs", "100000",
                "--max-batched-tokens", "200000");
        assertEquals(1, kv.exit());
        assertTrue(kv.err().contains("does not fit the KV cache") && kv.err().contains("1600000 tokens"), kv.err());

        CliRun eager = CliRun.of("simulate", "--trace", shuffled.toString(), "--gpu", "RTX-A6000", "--engine", "hf-eager", "--sort");
        assertEquals(1, eager.exit());
        assertTrue(eager.err().contains("hf-eager"), eager.err());
    }

    @Test
    void perRequestRecordsAreWrittenOnePerServedRequest() throws IOException {
        Path t = trace("three.csv", "2023-11-16 18:15:46.0,374,44\n2023-11-16 18:15:50.0,396,109\n2023-11-16 18:16:10.0,200,20\n");
        Path out = dir.resolve("requests.jsonl");
        CliRun r = CliRun.of("simulate", "--trace", t.toString(), "--gpu", "H100", "--max-num-seqs", "8", "--requests-out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(0, first.get("index").asLong());
        assertEquals(44, first.get("output").asInt());
        assertTrue(first.get("e2e_s").asDouble() > first.get("ttft_s").asDouble());
        assertTrue(r.out().contains("per output token"), r.out());
    }

    @Test
    void validateSimulateComparesBatchItlAndEnergyWithTheMeasurements() throws IOException {
        Path models = CalibrateValidateCommandTest.models();
        CliRun r = CliRun.of("validate", "--against", models.resolve("meta-llama__Llama-3.1-8B-Instruct__lm-arena-chat.json").toString(),
                "--mode", "simulate", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = json(r);
        assertEquals("simulate", j.get("mode").asText());
        JsonNode first = j.get("configurations").get(0);
        for (String f : new String[] {"simulated_avg_batch", "measured_avg_batch", "simulated_median_itl_ms", "measured_median_itl_ms",
                "simulated_j_per_token", "measured_j_per_token"}) {
            assertTrue(first.hasNonNull(f), f + " in " + first);
        }
        assertTrue(j.get("summary").get("mape_avg_batch_pct").asDouble() < 10, j.get("summary").toString());
    }

    @Test
    void theOnlineVsOfflineStudyPrintsEachBatchSizesReduction() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int burst = 0; burst < 4; burst++) {
            for (int i = 0; i < 6; i++) rows.append("2023-11-16 18:").append(10 + burst).append(":0").append(i).append(".0,400,150\n");
        }
        Path t = trace("bursty.csv", rows.toString());
        CliRun r = CliRun.of("simulate", "--trace", t.toString(), "--gpu", "RTX-A6000", "--online-vs-offline", "--batches", "8,1",
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode pts = json(r).get("points");
        assertEquals(2, pts.size());
        assertEquals(1, pts.get(0).get("batch").asInt(), "ascending batch sizes");
        for (JsonNode p : pts) {
            assertEquals(24, p.get("requests").asLong());
            double on = p.get("online_j").asDouble(), off = p.get("offline_j").asDouble();
            assertEquals(100 * (off - on) / off, p.get("reduction_pct").asDouble(), 1e-9);
            assertTrue(p.get("online_idle_j").asDouble() > 0, "a minute between bursts: " + p);
        }
        assertTrue(pts.get(0).get("reduction_pct").asDouble() < 0, "at batch 1 online only adds idle: " + pts.get(0));

        CliRun noGpu = CliRun.of("simulate", "--trace", t.toString(), "--online-vs-offline");
        assertTrue(noGpu.exit() != 0 && noGpu.err().contains("--gpu"), noGpu.err());
    }
}

package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class WhatIfCommandTest {
    @Test
    void jsonGivesEachSettingWithItsIntervalRatioAndEstimateOptions() throws Exception {
        CliRun run = CliRun.of("what-if", "--base", "model=llama-3.1-8b,gpu=H100-SXM5-80GB,batch=8", "--vs", "batch=64",
                "--vs", "gpu=A100-SXM4-40GB", "--input", "512", "--output", "256", "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode j = new ObjectMapper().readTree(run.out());
        JsonNode base = j.get("base");
        assertEquals(1.0, base.get("ratio_to_base").asDouble());
        JsonNode total = base.get("total_j");
        assertTrue(total.get("low").asDouble() < total.get("value").asDouble() && total.get("value").asDouble() < total.get("high").asDouble());
        assertEquals(total.get("value").asDouble() / 256, base.get("per_output_token_j").get("value").asDouble(), 1e-12);
        JsonNode b64 = j.get("alternatives").get(0);
        assertEquals("--model llama-3.1-8b --gpu H100-SXM5-80GB --tp 1 --dtype bf16 --engine vllm --batch 64", b64.get("estimate_options").asText());
        assertEquals(b64.get("total_j").get("value").asDouble() / total.get("value").asDouble(), b64.get("ratio_to_base").asDouble(), 1e-9);
        JsonNode a100 = j.get("alternatives").get(1);
        assertTrue(a100.get("flags").toString().contains("uncalibrated_gpu"), a100.get("flags").toString());
    }

    @Test
    void aBadSettingIsOneLineOnStderrAndExit1() {
        CliRun run = CliRun.of("what-if", "--base", "model=llama-3.1-8b,gpu=H100", "--vs", "tp=zero", "--input", "5", "--output", "5");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("tp must be a positive integer, got 'zero'"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aWorkloadIsRequired() {
        CliRun run = CliRun.of("what-if", "--base", "model=llama-3.1-8b,gpu=H100", "--vs", "gpu=B200");
        assertEquals(2, run.exit(), run.err());
    }
}

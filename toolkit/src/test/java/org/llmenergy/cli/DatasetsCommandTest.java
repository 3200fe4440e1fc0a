package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The datasets commands against the mirror (tests run offline: -Dllmenergy.offline=true). */
class DatasetsCommandTest {
    @Test
    void listShowsEveryEntryAndWhatIsMirrored() throws Exception {
        CliRun run = CliRun.of("datasets", "list", "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertEquals(14, rows.size());
        assertEquals("azure-code-2023", rows.get(0).get("id").asText());
        assertEquals(1, rows.get(0).get("mirrored").asInt());
        assertEquals(3, rows.get(10).get("mirrored").asInt(), "codecarbon-grid is fully mirrored");
        assertEquals(319, rows.get(12).get("mirrored").asInt(), "mlenergy-v2 is fully mirrored");
    }

    @Test
    void verifyChecksTheMirrorAndReportsMissingFiles() {
        CliRun run = CliRun.of("datasets", "verify", "azure-conv-2023", "azure-conv-2024", "mlenergy-v3");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("ok           azure-conv-2023/data/AzureLLMInferenceTrace_conv.csv (mirror)"), run.out());
        assertTrue(run.out().contains("missing      azure-conv-2024/AzureLLMInferenceTrace_conv_1week.csv"), run.out());
        assertTrue(run.out().contains("ok           mlenergy-v3/public/data/models/Qwen__Qwen3-14B__gpqa.json"), run.out());
        assertTrue(run.err().contains("0 mismatched"), run.err());
    }

    @Test
    void fetchOfflineFailsClearlyForDownloadOnlyData() {
        CliRun ok = CliRun.of("datasets", "fetch", "azure-code-2023");
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("mirror, sha256 ok"), ok.out());
        CliRun offline = CliRun.of("datasets", "fetch", "burstgpt-1");
        assertEquals(1, offline.exit());
        assertTrue(offline.err().contains("BurstGPT_1.csv") && offline.err().contains("downloads are disabled"), offline.err());
    }

    @Test
    void verifyFailsWhenTheNamedMirrorFolderDoesNotExist() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("LLM_ENERGY_DATASETS_MIRROR") == null,
                "the environment's mirror setting wins over the property this test sets");
        String saved = System.getProperty("llmenergy.datasets.mirror");
        System.setProperty("llmenergy.datasets.mirror", "/nonexistent/mirror-folder");
        try {
            CliRun run = CliRun.of("datasets", "verify", "azure-conv-2023");
            // before the fix: every file "missing", exit 0
            assertEquals(1, run.exit());
            assertTrue(run.err().contains("/nonexistent/mirror-folder") && run.err().contains("does not exist"), run.err());
        } finally {
            if (saved == null) System.clearProperty("llmenergy.datasets.mirror");
            else System.setProperty("llmenergy.datasets.mirror", saved);
        }
    }
}

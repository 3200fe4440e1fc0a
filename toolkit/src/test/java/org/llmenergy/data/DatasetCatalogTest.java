package org.llmenergy.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetCatalogTest {
    private final DatasetCatalog catalog = DatasetCatalog.load();

    @Test
    void bundledCatalogHasEveryDatasetTheProjectUses() {
        assertEquals(List.of("azure-code-2023", "azure-conv-2023", "azure-code-2024", "azure-conv-2024",
                "burstgpt-1", "burstgpt-2", "burstgpt-3", "burstgpt-without-fails-1", "burstgpt-without-fails-2",
                "burstgpt-without-fails-3", "codecarbon-grid", "ecologits-mixes", "mlenergy-v2", "mlenergy-v3"), catalog.ids());
        for (DatasetEntry e : catalog.entries()) {
            assertFalse(e.license().isBlank(), e.id());
            assertFalse(e.citation().isBlank(), e.id());
            for (DatasetFile f : e.files()) assertTrue(f.url().getScheme().startsWith("http"), f.url().toString());
        }
    }

    @Test
    void azure2023EntriesCarryThePublishedChecksumsAndSizes() {
        DatasetFile conv = catalog.entry("azure-conv-2023").mainFile();
        assertEquals("data/AzureLLMInferenceTrace_conv.csv", conv.path());
        assertEquals("2f1e5b666d4e3055fdbba98598ce2ec307767b9064e03e2fa46676dbcc7d0bf8", conv.sha256());
        assertEquals(719_188L, conv.size());
        assertEquals("https://raw.githubusercontent.com/Azure/AzurePublicDataset/b469a113cedca53ddc3bdea71a143dc4b7d8700c/"
                + "data/AzureLLMInferenceTrace_conv.csv", conv.url().toString());
        DatasetFile code = catalog.entry("azure-code-2023").mainFile();
        assertEquals("54e9a6d2a4bd06ba1e060304b900abbc74cbea53de96506e60fe5bb4f2277fb6", code.sha256());
        assertEquals(8819L, code.rows());
    }

    @Test
    void tracesCarryThePapersNamesAndAreFoundByIdOrUpstreamFileName() {
        assertEquals("Azure Conversation", catalog.entry("azure-conv-2023").paperName());
        assertEquals("Azure Code", catalog.entry("azure-code-2024").paperName());
        assertEquals("BurstGPT", catalog.entry("burstgpt-without-fails-2").paperName());
        assertNull(catalog.entry("mlenergy-v2").paperName(), "not a trace of the paper");
        assertEquals("azure-conv-2023", catalog.findTrace("azure-conv-2023").orElseThrow().id());
        assertEquals("azure-code-2024", catalog.findTrace("/data/AzureLLMInferenceTrace_code_1week.csv").orElseThrow().id());
        assertEquals("azure-conv-2023",
                catalog.findTrace("mirror/azure-conv-2023/data/AzureLLMInferenceTrace_conv.csv").orElseThrow().id());
        assertTrue(catalog.findTrace("/tmp/azure-conv-sample.csv").isEmpty(), "a name that only looks alike is no match");
        assertTrue(catalog.findTrace("my-trace.jsonl").isEmpty());
    }

    @Test
    void downloadOnlyEntriesHaveNoChecksumAndTheirOwnUrls() {
        DatasetFile week = catalog.entry("azure-conv-2024").mainFile();
        assertNull(week.sha256());
        assertEquals(27_303_999L, week.rows());
        assertEquals("https://azurepublicdatasettraces.blob.core.windows.net/azurellminfererencetrace/"
                + "AzureLLMInferenceTrace_conv_1week.csv", week.url().toString());
        assertEquals("https://github.com/HPMLL/BurstGPT/releases/download/v1.2/BurstGPT_without_fails_3.csv",
                catalog.entry("burstgpt-without-fails-3").mainFile().url().toString());
        assertEquals("burstgpt", catalog.entry("burstgpt-3").format());
    }

    @Test
    void multiFileEntriesEncodeSpacesInUrls() {
        DatasetEntry v2 = catalog.entry("mlenergy-v2");
        assertEquals(319, v2.files().size());
        DatasetFile h100 = v2.files().stream().filter(f -> f.path().contains("H100 80GB HBM3")).findFirst().orElseThrow();
        assertTrue(h100.url().toString().contains("/H100%2080GB%20HBM3/"), h100.url().toString());
        assertTrue(h100.url().toString().contains("+tp"), "'+' stays literal in a path");
        DatasetEntry v3 = catalog.entry("mlenergy-v3");
        assertEquals("public/data/models/Qwen__Qwen3-14B__gpqa.json", v3.mainFile().path());
        assertEquals("2205fbb03251af3120b5b99e5c4ae0d5062f6a6c0540e18d45a767adf3f085ea", v3.mainFile().sha256());
        // Only the calibration split is listed, every file with its hash: the external validation files are not.
        assertEquals(16, v3.files().size());
        assertEquals(16, v3.files().stream().filter(DatasetFile::hasChecksum).count());
        assertTrue(v3.files().stream().noneMatch(f -> f.path().contains("Llama-3.3") || f.path().endsWith("index.json")),
                "external validation files must not be in the catalog");
    }

    @Test
    void unknownIdNamesTheKnownOnes() {
        DatasetException e = assertThrows(DatasetException.class, () -> catalog.entry("azure-chat"));
        assertTrue(e.getMessage().contains("azure-chat") && e.getMessage().contains("azure-conv-2023"), e.getMessage());
    }

    @Test
    void malformedCatalogErrorsNameTheEntryAndField() {
        String json = "{\"datasets\":[{\"id\":\"x\",\"title\":\"t\",\"format\":\"csv\",\"license\":\"MIT\",\"citation\":\"c\","
                + "\"files\":[{\"path\":\"a.csv\",\"sha256\":\"abc\"}]}]}";
        DatasetException e = assertThrows(DatasetException.class, () ->
                DatasetCatalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json"));
        assertTrue(e.getMessage().contains("test.json") && e.getMessage().contains("(x)")
                && e.getMessage().contains("url"), e.getMessage());
    }
}

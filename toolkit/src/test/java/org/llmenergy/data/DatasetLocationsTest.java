package org.llmenergy.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLocationsTest {
    @TempDir
    Path tmp;

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) p.setProperty(kv[i], kv[i + 1]);
        return p;
    }

    @Test
    void environmentMirrorWinsOverTheProperty() {
        DatasetLocations l = DatasetLocations.from(Map.of("LLM_ENERGY_DATASETS_MIRROR", "/env/mirror"),
                props("llmenergy.datasets.mirror", "/prop/mirror"), tmp);
        assertEquals(Path.of("/env/mirror"), l.mirror());
        assertEquals(Path.of("/prop/mirror"),
                DatasetLocations.from(Map.of(), props("llmenergy.datasets.mirror", "/prop/mirror"), tmp).mirror());
        assertNull(DatasetLocations.from(Map.of(), props(), tmp).mirror());
    }

    @Test
    void relativeMirrorFallsBackToTheRepositoryRoot() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Path shared = Files.createDirectories(tmp.resolve("shared/datasets"));
        Path module = Files.createDirectories(root.resolve("toolkit"));
        DatasetLocations l = DatasetLocations.from(Map.of("LLM_ENERGY_DATASETS_MIRROR", "../shared/datasets"),
                props("llmenergy.repo.root", root.toString()), module);
        assertEquals(shared, l.mirror());
        // From the repository root itself the working directory already works.
        assertEquals(shared, DatasetLocations.from(Map.of("LLM_ENERGY_DATASETS_MIRROR", "../shared/datasets"),
                props(), root).mirror());
    }

    @Test
    void cacheOrderPropertyThenEnvironmentThenRepoThenHome() {
        assertEquals(Path.of("/p"), DatasetLocations.from(Map.of("LLM_ENERGY_CACHE", "/e"),
                props("llmenergy.cache", "/p", "llmenergy.repo.root", "/r"), tmp).cache());
        assertEquals(Path.of("/e"), DatasetLocations.from(Map.of("LLM_ENERGY_CACHE", "/e"),
                props("llmenergy.repo.root", "/r"), tmp).cache());
        assertEquals(Path.of("/r/.cache/datasets"), DatasetLocations.from(Map.of(), props("llmenergy.repo.root", "/r"), tmp).cache());
        assertTrue(DatasetLocations.from(Map.of(), props(), tmp).cache().endsWith(Path.of(".cache/llm-energy/datasets")));
    }

    @Test
    void offlineSwitches() {
        assertTrue(DatasetLocations.from(Map.of(), props(), tmp).downloadsAllowed());
        assertFalse(DatasetLocations.from(Map.of("LLM_ENERGY_OFFLINE", "1"), props(), tmp).downloadsAllowed());
        assertFalse(DatasetLocations.from(Map.of(), props("llmenergy.offline", "true"), tmp).downloadsAllowed());
    }
}

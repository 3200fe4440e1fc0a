package org.llmenergy.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CpuCatalogTest {
    @Test
    void matchesProcCpuinfoModelNames() {
        assertEquals("AMD EPYC 7763", CpuCatalog.find("AMD EPYC 7763 64-Core Processor").orElseThrow().name());
        assertEquals("Intel Xeon Platinum 8380",
                CpuCatalog.find("Intel(R) Xeon(R) Platinum 8380 CPU @ 2.30GHz").orElseThrow().name());
        assertEquals("Intel Xeon Platinum 8480+", CpuCatalog.find("Intel(R) Xeon(R) Platinum 8480+").orElseThrow().name());
        assertEquals("AMD EPYC 75F3", CpuCatalog.find("AMD EPYC 75F3 32-Core Processor").orElseThrow().name());
    }

    @Test
    void doesNotMatchNeighboursOrGenericNames() {
        assertFalse(CpuCatalog.find("Intel(R) Xeon(R) Platinum 8380H CPU @ 2.90GHz").isPresent());
        assertFalse(CpuCatalog.find("AMD EPYC 77630").isPresent());
        assertFalse(CpuCatalog.find("AMD EPYC").isPresent(), "the VM-masked name of this project's machines");
        assertFalse(CpuCatalog.find(null).isPresent());
    }

    @Test
    void genericFigureIsTheMedianTdpPerThreadOfTheCatalog() {
        double[] w = CpuCatalog.all().stream().mapToDouble(CpuSpec::wattsPerThread).sorted().toArray();
        double median = w.length % 2 == 1 ? w[w.length / 2] : (w[w.length / 2 - 1] + w[w.length / 2]) / 2;
        assertEquals(median, CpuCatalog.genericWattsPerThread(), 1e-12);
        assertTrue(CpuCatalog.genericWattsPerThread() > 1 && CpuCatalog.genericWattsPerThread() < 6,
                Arrays.toString(w));
        assertEquals(280.0 / 128, CpuCatalog.find("AMD EPYC 7763").orElseThrow().wattsPerThread(), 1e-12);
    }

    @Test
    void specsAreCheckedAndSourced() {
        for (CpuSpec s : CpuCatalog.all()) assertFalse(s.source().isBlank(), s.name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CpuSpec("X", 8, 4, 100, "src"));
        assertTrue(e.getMessage().contains("CPU spec 'X': cores 8 and threads 4"), e.getMessage());
    }
}

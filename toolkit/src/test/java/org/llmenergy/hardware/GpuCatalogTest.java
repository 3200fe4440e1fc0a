package org.llmenergy.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuCatalogTest {
    private static final String HEADER = "gpu,form_factor,memory_gb,memory_type,hbm_bandwidth_gb_s,tdp_w,bf16_dense_tflops,"
            + "bf16_sparse_tflops,fp16_dense_tflops_note,primary_source,corroborating_source_seen,confidence\n";

    @Test
    void builtInHasThePapersA6000WithBothPeaks() {
        GpuSpec a6000 = GpuCatalog.builtIn().get("RTX-A6000");
        assertEquals(300, a6000.tdpWatts());
        assertEquals(154.8e12, a6000.bf16PeakFlopsPerSecond(Sparsity.DENSE), 1);
        assertEquals(309.7e12, a6000.bf16PeakFlopsPerSecond(Sparsity.SPARSE_2_4), 1);
        assertEquals(48L << 30, a6000.memoryBytes());
        assertEquals(768e9, a6000.bandwidthBytesPerSecond(), 1);
        assertEquals(300 / 309.7e12, a6000.joulesPerFlopAtPeak(Sparsity.SPARSE_2_4), 1e-20);
        assertTrue(a6000.primarySource().contains("datasheet"), a6000.primarySource());
        assertFalse(a6000.unofficial());
    }

    @Test
    void findsNvmlProductNamesAndAliases() {
        GpuCatalog c = GpuCatalog.builtIn();
        assertEquals("RTX-A6000", c.get("NVIDIA RTX A6000").name());
        assertEquals("H100-SXM5-80GB", c.get("NVIDIA H100 80GB HBM3").name());
        assertEquals("A100-SXM4-40GB", c.get("NVIDIA A100-SXM4-40GB").name());
        assertEquals("A100-PCIe-80GB", c.get("NVIDIA A100 80GB PCIe").name());
        assertEquals("RTX-6000-Ada", c.get("A6000 Ada").name());
        assertEquals("RTX-4090", c.get("NVIDIA GeForce RTX 4090").name());
        assertTrue(c.find("NVIDIA B200").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.get("TPU v5"));
        assertTrue(e.getMessage().contains("RTX-A6000"), e.getMessage());
    }

    @Test
    void unofficialFiguresAreMarked() {
        GpuSpec a10g = GpuCatalog.builtIn().get("A10G");
        assertTrue(a10g.unofficial());
        assertEquals(70e12, a10g.bf16PeakFlopsPerSecond(Sparsity.DENSE), 1);
    }

    @Test
    void everyBuiltInRowHasSparseTwiceDenseOrCloseToIt() {
        for (GpuSpec s : GpuCatalog.builtIn().all()) {
            double ratio = s.bf16SparseTflops() / s.bf16DenseTflops();
            assertEquals(2.0, ratio, 0.03, s.name());
        }
    }

    @Test
    void badCellIsReportedWithFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("gpus.csv");
        Files.writeString(f, HEADER + "X,PCIe,48,GDDR6,768,300,154.8,309.7,n,src,\"a, b\",high\n"
                + "Y,PCIe,48,GDDR6,fast,300,154.8,309.7,n,src,c,high\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpuCatalog.load(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("line 3")
                && e.getMessage().contains("hbm_bandwidth_gb_s") && e.getMessage().contains("fast"), e.getMessage());
    }

    @Test
    void quotedCellsMayHoldCommas() throws IOException {
        GpuCatalog c = GpuCatalog.parse(new StringReader(HEADER + "X,PCIe,48,GDDR6,768,300,154.8,309.7,n,src,\"a, b\",high\n"), "t");
        assertEquals("a, b", c.get("X").corroboratingSource());
    }

    @Test
    void wrongHeaderIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GpuCatalog.parse(new StringReader("gpu,tdp\nX,300\n"), "t.csv"));
        assertTrue(e.getMessage().contains("t.csv, line 1"), e.getMessage());
    }
}

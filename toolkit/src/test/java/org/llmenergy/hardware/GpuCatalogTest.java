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
            + "bf16_sparse_tflops,fp16_dense_tflops_note,primary_source,corroborating_source_seen,confidence,vendor,"
            + "fp8_dense_tflops,fp4_dense_tflops,interconnect,interconnect_gb_s,interconnect_direction,interconnect_source\n";
    private static final String LINK = ",NVIDIA,,,PCIe Gen4 x16,64,bidirectional,datasheet";

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
        assertTrue(c.find("NVIDIA B300").isEmpty());
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
            if (s.bf16SparseTflops().isEmpty()) continue; // Gaudi 3 publishes none
            double ratio = s.bf16SparseTflops().getAsDouble() / s.bf16DenseTflops();
            assertEquals(2.0, ratio, 0.03, s.name());
        }
    }

    @Test
    void badCellIsReportedWithFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("gpus.csv");
        Files.writeString(f, HEADER + "X,PCIe,48,GDDR6,768,300,154.8,309.7,n,src,\"a, b\",high" + LINK + "\n"
                + "Y,PCIe,48,GDDR6,fast,300,154.8,309.7,n,src,c,high" + LINK + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpuCatalog.load(f));
        assertTrue(e.getMessage().contains(f + ":3:5 (hbm_bandwidth_gb_s)") && e.getMessage().contains("fast"), e.getMessage());
    }

    @Test
    void quotedCellsMayHoldCommas() throws IOException {
        GpuCatalog c = GpuCatalog.parse(new StringReader(HEADER + "X,PCIe,48,GDDR6,768,300,154.8,309.7,n,src,\"a, b\",high" + LINK + "\n"), "t");
        assertEquals("a, b", c.get("X").corroboratingSource());
    }

    @Test
    void wrongHeaderIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GpuCatalog.parse(new StringReader("gpu,tdp\nX,300\n"), "t.csv"));
        assertTrue(e.getMessage().contains("t.csv:1: header must be"), e.getMessage());
    }

    @Test
    void newAcceleratorsResolveByTheirCommonNames() {
        GpuCatalog c = GpuCatalog.builtIn();
        assertEquals("B200", c.get("NVIDIA B200").name());
        assertEquals("B200", c.get("B200").name());
        assertEquals("H100-SXM5-80GB", c.get("H100 80GB HBM3").name());
        assertEquals("H100-SXM5-80GB", c.get("H100").name(), "ML.ENERGY v3's label");
        assertEquals("A100-SXM4-40GB", c.get("A100-SXM4-40GB").name());
        assertEquals("MI300X", c.get("MI300X").name());
        assertEquals("MI300X", c.get("AMD Instinct MI300X").name());
        assertEquals("MI325X", c.get("AMD Instinct MI325X").name());
        assertEquals("Gaudi-3", c.get("Intel Gaudi 3").name());
        assertEquals("GB200", c.get("GB200").name());
        assertEquals("B100", c.get("NVIDIA B100").name());
        assertEquals("H20", c.get("NVIDIA H20").name());
        assertEquals(Vendor.AMD, c.get("MI325X").vendor());
        assertEquals(Vendor.INTEL, c.get("Gaudi 3").vendor());
        assertEquals(Vendor.NVIDIA, c.get("B200").vendor());
    }

    /** HGX B200 datasheet (2024): 8-GPU totals BF16 36 PF, FP8 72 PF, FP4 144 PF with sparsity; NVLink 5 1.8 TB/s. */
    @Test
    void blackwellPeaksArePerGpuAndDense() {
        GpuSpec b200 = GpuCatalog.builtIn().get("B200");
        assertEquals(36e15 / 8 / 2, b200.bf16PeakFlopsPerSecond(Sparsity.DENSE), 1e9);
        assertEquals(72e15 / 8 / 2, b200.fp8PeakFlopsPerSecond().getAsDouble(), 1e9);
        assertEquals(144e15 / 8 / 2, b200.fp4PeakFlopsPerSecond().getAsDouble(), 1e9);
        assertEquals(1000, b200.tdpWatts());
        assertEquals("NVLink 5", b200.interconnect().name());
        assertEquals(900e9, b200.interconnect().bytesPerSecondPerDirection(), 1);
        assertEquals(1800e9, b200.interconnect().bytesPerSecondBothDirections(), 1);
    }

    @Test
    void unknownPeaksAreEmptyNeverZero() {
        GpuCatalog c = GpuCatalog.builtIn();
        assertTrue(c.get("A100-SXM4-40GB").fp8PeakFlopsPerSecond().isEmpty(), "Ampere has no fp8 tensor cores");
        assertTrue(c.get("H100").fp4PeakFlopsPerSecond().isEmpty());
        assertEquals(1978.9e12, c.get("H100").fp8PeakFlopsPerSecond().getAsDouble(), 1e9);
        GpuSpec gaudi = c.get("Gaudi-3");
        assertTrue(gaudi.bf16SparseTflops().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gaudi.bf16PeakFlopsPerSecond(Sparsity.SPARSE_2_4));
        assertTrue(e.getMessage().contains("Gaudi-3") && e.getMessage().contains("dense"), e.getMessage());
        for (GpuSpec s : c.all()) {
            s.fp8DenseTflops().ifPresent(v -> assertTrue(v > 0, s.name()));
            s.fp4DenseTflops().ifPresent(v -> assertTrue(v >= s.fp8DenseTflops().orElse(0), s.name() + ": fp4 >= fp8"));
            assertTrue(s.interconnect().bytesPerSecondPerDirection() > 0, s.name());
            assertFalse(s.interconnect().source().isBlank(), s.name());
        }
    }

    @Test
    void everyInterconnectIsNamedWithItsBandwidth() {
        GpuCatalog c = GpuCatalog.builtIn();
        assertEquals(300e9, c.get("A100-SXM4-40GB").interconnect().bytesPerSecondPerDirection(), 1, "NVLink 3 600 GB/s");
        assertEquals(450e9, c.get("H100").interconnect().bytesPerSecondPerDirection(), 1, "NVLink 4 900 GB/s");
        assertEquals(32e9, c.get("RTX-A6000").interconnect().bytesPerSecondPerDirection(), 1, "PCIe Gen4 x16");
        assertEquals(448e9, c.get("MI300X").interconnect().bytesPerSecondPerDirection(), 1, "Infinity Fabric 896 GB/s");
        Interconnect oneWay = new Interconnect("x", 100, Interconnect.Direction.UNIDIRECTIONAL, "s");
        assertEquals(100e9, oneWay.bytesPerSecondPerDirection(), 1);
        assertEquals(200e9, oneWay.bytesPerSecondBothDirections(), 1);
    }

    @Test
    void badVendorOrDirectionNamesTheLine() {
        IllegalArgumentException vendor = assertThrows(IllegalArgumentException.class, () -> GpuCatalog.parse(
                new StringReader(HEADER + "X,PCIe,48,GDDR6,768,300,154.8,309.7,n,src,c,high,Acme,,,PCIe,64,bidirectional,d\n"), "v.csv"));
        assertTrue(vendor.getMessage().contains("v.csv:2:13 (vendor)") && vendor.getMessage().contains("Acme"), vendor.getMessage());
        IllegalArgumentException dir = assertThrows(IllegalArgumentException.class, () -> GpuCatalog.parse(
                new StringReader(HEADER + "X,PCIe,48,GDDR6,768,300,154.8,309.7,n,src,c,high,NVIDIA,,,PCIe,64,both,d\n"), "d.csv"));
        assertTrue(dir.getMessage().contains("d.csv:2:18 (interconnect_direction)") && dir.getMessage().contains("both"), dir.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> GpuCatalog.parse(
                new StringReader(HEADER + "X,PCIe,48,GDDR6,768,300,154.8,309.7,n,src,c,high,NVIDIA,0,,PCIe,64,bidirectional,d\n"), "z.csv"));
        assertTrue(zero.getMessage().contains("fp8_dense_tflops"), zero.getMessage());
    }
}

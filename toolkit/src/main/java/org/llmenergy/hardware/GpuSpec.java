package org.llmenergy.hardware;

import java.util.Objects;

/**
 * One GPU model's datasheet numbers, as the toolkit's catalog records them (one row of {@code gpu-specs.csv}).
 *
 * @param name                 catalog name, for example {@code "RTX-A6000"}
 * @param formFactor           board or socket, for example {@code "PCIe4"} or {@code "SXM5"}
 * @param memoryGb             device memory as the datasheet states it, in GB; see {@link #memoryBytes()}
 * @param memoryType           for example {@code "HBM3"} or {@code "GDDR6"}
 * @param bandwidthGbPerS      peak memory bandwidth, in GB/s (decimal: 1 GB/s = 1e9 bytes/s)
 * @param tdpWatts             board power limit (TDP/TGP), in watts
 * @param bf16DenseTflops      dense bf16 tensor-core peak, in TFLOP/s (1e12 FLOP/s)
 * @param bf16SparseTflops     2:4 structured-sparsity bf16 tensor-core peak, in TFLOP/s
 * @param fp16Note             how fp16 compares with bf16 on this part (free text from the catalog)
 * @param primarySource        the datasheet or document the numbers come from
 * @param corroboratingSource  a second source that was seen to agree (or where it disagrees)
 * @param confidence           the catalog's confidence note ({@code high}, {@code medium}, {@code low}, ...)
 * @param unofficial           true when NVIDIA publishes no figure and the catalog's TFLOP/s are estimates
 *                             (marked {@code ~} in the CSV)
 */
public record GpuSpec(
        String name,
        String formFactor,
        double memoryGb,
        String memoryType,
        double bandwidthGbPerS,
        double tdpWatts,
        double bf16DenseTflops,
        double bf16SparseTflops,
        String fp16Note,
        String primarySource,
        String corroboratingSource,
        String confidence,
        boolean unofficial) {

    /** Bytes in one GiB; the catalog's memory sizes are read as GiB (see {@link #memoryBytes()}). */
    private static final double BYTES_PER_GIB = 1024.0 * 1024.0 * 1024.0;

    public GpuSpec {
        Objects.requireNonNull(name, "name");
        requirePositive(name, "memory_gb", memoryGb);
        requirePositive(name, "hbm_bandwidth_gb_s", bandwidthGbPerS);
        requirePositive(name, "tdp_w", tdpWatts);
        requirePositive(name, "bf16_dense_tflops", bf16DenseTflops);
        requirePositive(name, "bf16_sparse_tflops", bf16SparseTflops);
    }

    private static void requirePositive(String gpu, String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("GPU " + gpu + ": " + field + " must be a positive number, got " + v);
        }
    }

    /**
     * Device memory in bytes. The datasheet "GB" of a GPU is read as GiB (2^30 bytes), which is what the
     * driver reports for these parts (an A100 80GB shows 81,920 MiB; an RTX A6000 shows 49,140 MiB, 12 MiB
     * under 48 GiB). Memory-fit calculations apply their own headroom on top.
     *
     * @return memory in bytes
     */
    public long memoryBytes() { return Math.round(memoryGb * BYTES_PER_GIB); }

    /** @return peak memory bandwidth in bytes per second */
    public double bandwidthBytesPerSecond() { return bandwidthGbPerS * 1e9; }

    /**
     * @param sparsity which tensor-core peak
     * @return the bf16 peak in FLOP/s
     */
    public double bf16PeakFlopsPerSecond(Sparsity sparsity) {
        return (sparsity == Sparsity.DENSE ? bf16DenseTflops : bf16SparseTflops) * 1e12;
    }

    /**
     * The energy one FLOP costs if the board runs at its TDP while delivering its peak, the premise of the
     * paper's "theoretical" baseline.
     *
     * @param sparsity which tensor-core peak
     * @return TDP / peak, in joules per FLOP
     */
    public double joulesPerFlopAtPeak(Sparsity sparsity) { return tdpWatts / bf16PeakFlopsPerSecond(sparsity); }
}

package org.llmenergy.hardware;

import java.util.Objects;
import java.util.OptionalDouble;

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
 * @param bf16SparseTflops     2:4 structured-sparsity bf16 tensor-core peak, in TFLOP/s; empty where none is
 *                             published (Gaudi 3)
 * @param fp16Note             how fp16 compares with bf16 on this part (free text from the catalog)
 * @param primarySource        the datasheet or document the numbers come from
 * @param corroboratingSource  a second source that was seen to agree (or where it disagrees)
 * @param confidence           the catalog's confidence note ({@code high}, {@code medium}, {@code low}, ...)
 * @param unofficial           true when the vendor publishes no figure and the catalog's TFLOP/s are estimates
 *                             (marked {@code ~} in the CSV)
 * @param vendor               who makes it
 * @param fp8DenseTflops       dense fp8 tensor peak in TFLOP/s; empty when the part has no fp8 tensor cores or
 *                             no figure is published
 * @param fp4DenseTflops       dense 4-bit float (FP4/MXFP4) tensor peak in TFLOP/s; empty likewise
 * @param interconnect         the GPU-to-GPU link used for tensor parallelism inside a node
 */
public record GpuSpec(
        String name,
        String formFactor,
        double memoryGb,
        String memoryType,
        double bandwidthGbPerS,
        double tdpWatts,
        double bf16DenseTflops,
        OptionalDouble bf16SparseTflops,
        String fp16Note,
        String primarySource,
        String corroboratingSource,
        String confidence,
        boolean unofficial,
        Vendor vendor,
        OptionalDouble fp8DenseTflops,
        OptionalDouble fp4DenseTflops,
        Interconnect interconnect) {

    /** Bytes in one GiB; the catalog's memory sizes are read as GiB (see {@link #memoryBytes()}). */
    private static final double BYTES_PER_GIB = 1024.0 * 1024.0 * 1024.0;

    public GpuSpec {
        Objects.requireNonNull(name, "name");
        requirePositive(name, "memory_gb", memoryGb);
        requirePositive(name, "hbm_bandwidth_gb_s", bandwidthGbPerS);
        requirePositive(name, "tdp_w", tdpWatts);
        requirePositive(name, "bf16_dense_tflops", bf16DenseTflops);
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(interconnect, "interconnect");
        requirePositive(name, "bf16_sparse_tflops", bf16SparseTflops);
        requirePositive(name, "fp8_dense_tflops", fp8DenseTflops);
        requirePositive(name, "fp4_dense_tflops", fp4DenseTflops);
    }

    /** An absent figure is unknown; a present one must be a real peak (never a 0 standing in for "none"). */
    private static void requirePositive(String gpu, String field, OptionalDouble v) {
        Objects.requireNonNull(v, field);
        if (v.isPresent()) requirePositive(gpu, field, v.getAsDouble());
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
     * @throws IllegalArgumentException for the sparse peak of a part that publishes none, naming it
     */
    public double bf16PeakFlopsPerSecond(Sparsity sparsity) {
        if (sparsity == Sparsity.DENSE) return bf16DenseTflops * 1e12;
        if (bf16SparseTflops.isEmpty()) {
            throw new IllegalArgumentException("GPU " + name + " has no published 2:4 sparse bf16 peak (" + primarySource
                    + "); use the dense peak");
        }
        return bf16SparseTflops.getAsDouble() * 1e12;
    }

    /** @return the dense fp8 tensor peak in FLOP/s, or empty when the part has none or none is published */
    public OptionalDouble fp8PeakFlopsPerSecond() { return scaled(fp8DenseTflops); }

    /** @return the dense 4-bit float tensor peak in FLOP/s, or empty when the part has none or none is published */
    public OptionalDouble fp4PeakFlopsPerSecond() { return scaled(fp4DenseTflops); }

    private static OptionalDouble scaled(OptionalDouble tflops) {
        return tflops.isPresent() ? OptionalDouble.of(tflops.getAsDouble() * 1e12) : OptionalDouble.empty();
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

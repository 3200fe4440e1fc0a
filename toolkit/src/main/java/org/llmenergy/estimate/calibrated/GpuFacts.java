package org.llmenergy.estimate.calibrated;

import org.llmenergy.hardware.GpuSpec;

/**
 * The datasheet figures of a GPU that the step model uses, in SI units.
 *
 * @param name          catalog name
 * @param bf16Flops     dense bf16 tensor peak, in FLOP/s
 * @param fp8Flops      dense fp8 tensor peak, in FLOP/s ({@code NaN} when the part has none or none is published)
 * @param bandwidth     memory bandwidth, in bytes/s
 * @param memoryBytes   device memory, in bytes
 * @param linkBandwidth interconnect bandwidth per GPU and direction, in bytes/s
 * @param tdpWatts      board power limit, in watts
 */
public record GpuFacts(String name, double bf16Flops, double fp8Flops, double bandwidth, double memoryBytes,
                       double linkBandwidth, double tdpWatts) {

    /** @return the facts of a catalog entry */
    public static GpuFacts of(GpuSpec s) {
        double link = s.interconnect() == null ? Double.NaN : s.interconnect().bytesPerSecondPerDirection();
        return new GpuFacts(s.name(), s.bf16PeakFlopsPerSecond(org.llmenergy.hardware.Sparsity.DENSE),
                s.fp8PeakFlopsPerSecond().orElse(Double.NaN), s.bandwidthBytesPerSecond(), s.memoryBytes(), link, s.tdpWatts());
    }

    /** @return the peak for a checkpoint's matrices: fp8 tensor cores where the part has them, else bf16 */
    double peakFor(boolean fp8Compute) { return fp8Compute && fp8Flops > 0 ? fp8Flops : bf16Flops; }
}

package org.llmenergy.estimate.paper;

import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.hardware.GpuSpec;
import org.llmenergy.hardware.Sparsity;

/**
 * How the paper's Figure-2 fit, measured on the RTX A6000, is carried to another GPU: its arithmetic terms scale
 * with the energy of a FLOP at full load (TDP over the dense bf16 peak) and its memory terms with the energy of a
 * byte (TDP over the memory bandwidth), each relative to the A6000. The one rule for the {@code paper-fit}
 * estimate and for the baseline the calibrated model is compared with. UNVALIDATED across GPUs: both ratios
 * assume the GPU runs at TDP, which measured inference does not (ML.ENERGY blog, "Measuring GPU Energy: Best
 * Practices"; see shared/reference/measurement-and-anchors.md).
 *
 * @param gpu          the target GPU's catalog name
 * @param computeScale factor on the arithmetic terms (1 on the A6000)
 * @param memoryScale  factor on the memory terms (1 on the A6000)
 */
public record GpuTransfer(String gpu, double computeScale, double memoryScale) {

    /** @return the transfer to a catalog GPU */
    public static GpuTransfer to(GpuSpec gpu) {
        return to(gpu.name(), gpu.tdpWatts(), gpu.bf16PeakFlopsPerSecond(Sparsity.DENSE), gpu.bandwidthBytesPerSecond());
    }

    /**
     * @param gpu            the target GPU's name
     * @param tdpWatts       its board power limit, W
     * @param bf16DenseFlops its dense bf16 tensor peak, FLOP/s
     * @param bandwidth      its memory bandwidth, bytes/s
     * @return the transfer to it
     */
    public static GpuTransfer to(String gpu, double tdpWatts, double bf16DenseFlops, double bandwidth) {
        GpuSpec a6000 = GpuCatalog.builtIn().get(PaperFitModel.FITTED_GPU);
        double compute = tdpWatts / bf16DenseFlops / (a6000.tdpWatts() / a6000.bf16PeakFlopsPerSecond(Sparsity.DENSE));
        double memory = tdpWatts / bandwidth / (a6000.tdpWatts() / a6000.bandwidthBytesPerSecond());
        if (!(compute > 0) || !(memory > 0)) {
            throw new IllegalArgumentException("cannot transfer the paper fit to " + gpu + ": TDP, bf16 peak and "
                    + "bandwidth must be positive");
        }
        return new GpuTransfer(gpu, compute, memory);
    }

    /** @return whether this is the fitted GPU itself (both scales 1) */
    public boolean isFittedGpu() { return gpu.equals(PaperFitModel.FITTED_GPU); }

    /**
     * @param fit    the Figure-2 fit
     * @param input  prompt tokens I
     * @param output generated tokens O
     * @param batch  static batch size
     * @return joules per request of Llama-3.1-8B on this GPU, by the fit with its terms rescaled
     */
    public double requestJoules(Figure2Fit fit, int input, int output, int batch) {
        return fit.computeBoundJoulesPerRequest(input, output, batch) * computeScale
                + fit.memoryBoundJoulesPerRequest(input, output, batch) * memoryScale;
    }
}

package org.llmenergy.estimate.calibrated;

/**
 * The fitted parameters of one GPU (for one software generation).
 *
 * @param computeEfficiency    achieved fraction of the dense tensor peak in a step's matrix work (0-1]
 * @param memoryEfficiency     achieved fraction of the datasheet memory bandwidth (0-1]
 * @param stepOverheadSeconds  fixed time per forward step (scheduling, sampling, launches), in seconds
 * @param idleFraction         board power with nothing to do, as a fraction of TDP
 * @param computePowerFraction power added at full compute-bound utilisation, as a fraction of TDP
 * @param memoryPowerFraction  power added at full memory-bound utilisation, as a fraction of TDP
 */
public record GpuParameters(double computeEfficiency, double memoryEfficiency, double stepOverheadSeconds,
                            double idleFraction, double computePowerFraction, double memoryPowerFraction) {

    /** @return the element-wise mean, the transfer to a GPU without calibration data */
    static GpuParameters mean(java.util.Collection<GpuParameters> all) {
        double a = 0, b = 0, c = 0, d = 0, e = 0, f = 0;
        for (GpuParameters p : all) {
            a += p.computeEfficiency; b += p.memoryEfficiency; c += p.stepOverheadSeconds;
            d += p.idleFraction; e += p.computePowerFraction; f += p.memoryPowerFraction;
        }
        int n = all.size();
        return new GpuParameters(a / n, b / n, c / n, d / n, e / n, f / n);
    }
}

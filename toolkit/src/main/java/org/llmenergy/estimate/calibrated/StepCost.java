package org.llmenergy.estimate.calibrated;

/**
 * Time and power of one forward step on its GPUs.
 *
 * @param seconds        wall time of the step, in seconds
 * @param computeSeconds time the step's FLOPs need at the achieved compute rate, in seconds
 * @param memorySeconds  time its bytes need at the achieved bandwidth, in seconds
 * @param commSeconds    interconnect time (all-reduce, expert all-to-all), in seconds
 * @param wattsPerGpu    mean board power of each GPU during the step, in watts
 * @param gpus           GPUs the step runs on
 */
public record StepCost(double seconds, double computeSeconds, double memorySeconds, double commSeconds,
                       double wattsPerGpu, int gpus) {

    /** @return energy of the step over all its GPUs, in joules */
    public double joules() { return seconds * wattsPerGpu * gpus; }

    /** @return true when the step's FLOPs take longer than its bytes */
    public boolean computeBound() { return computeSeconds > memorySeconds; }
}

package org.llmenergy.estimate.calibrated;

/**
 * Fitted parameters shared by every GPU and model.
 *
 * @param layerOverheadSeconds   fixed time per layer per step (norms, rotary, small kernels), in seconds
 * @param allReduceLatencySeconds latency of one tensor-parallel all-reduce, in seconds
 * @param linkEfficiency         achieved fraction of the interconnect's per-GPU bandwidth
 * @param expertComputeFactor    how much slower routed-expert matrix work runs than dense work (grouped GEMMs
 *                               over few tokens per expert), >= 0
 * @param kvCapacityFactor       ratio of the KV-cache tokens the engine holds to the simple memory arithmetic
 *                               (paging, prefix sharing and preemption move it)
 * @param commPowerFraction      power added while communicating, as a fraction of TDP
 * @param kvReadFactor           cost of a KV-cache byte relative to a weight byte (paged attention gathers scattered
 *                               blocks and runs below streaming bandwidth), >= 0
 * @param sequenceOverheadSeconds host time per running sequence per step (scheduling, sampling, detokenising), in
 *                               seconds
 * @param allToAllFactor         cost of an expert-parallel dispatch/combine byte relative to an all-reduce byte
 * @param fp8KernelFactor        time of an fp8 weight byte relative to a bf16 one (block-scaled fp8 kernels
 *                               dequantise and run below streaming bandwidth), >= 0
 */
public record SharedParameters(double layerOverheadSeconds, double allReduceLatencySeconds, double linkEfficiency,
                               double expertComputeFactor, double kvCapacityFactor, double commPowerFraction,
                               double kvReadFactor, double sequenceOverheadSeconds, double allToAllFactor,
                               double fp8KernelFactor) {}

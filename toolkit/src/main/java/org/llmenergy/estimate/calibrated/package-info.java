/**
 * The calibrated what-if energy model: a per-forward-step roofline (FLOPs and bytes of one prefill chunk or decode
 * iteration, split over tensor- or expert-parallel GPUs, plus communication) with a fitted power law between idle
 * and TDP, the continuous-batching steady state it implies, its calibration on public measurements (ML.ENERGY),
 * leave-one-model-out cross-validation, split-conformal 90 % intervals, and validation against any ML.ENERGY-format
 * file. {@link org.llmenergy.estimate.calibrated.CalibratedModel} is the {@link org.llmenergy.estimate.EnergyModel}
 * that {@code estimate} uses by default. Uses {@code model}, {@code hardware} and {@code estimate.external}.
 */
package org.llmenergy.estimate.calibrated;

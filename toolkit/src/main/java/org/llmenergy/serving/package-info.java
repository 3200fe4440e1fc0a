/**
 * Online serving: a discrete-event simulation of a vLLM-style iteration-level scheduler (continuous batching with
 * chunked prefill, admission by {@code max_num_seqs} and KV-cache capacity, preemption by recompute) or of the
 * paper's offline static batches, for one or more replicas behind a router, with requests arriving over time.
 * Every iteration is priced by the calibrated model's {@code step} ({@link org.llmenergy.estimate.calibrated.CalibratedModel}),
 * the same object {@code estimate} uses; nothing is fitted here. Owns the simulator ({@link org.llmenergy.serving.ServingSimulator}),
 * arrival processes, routing, latency histograms and the power-over-time series. Uses {@code estimate}, {@code workload}
 * and {@code model}.
 */
package org.llmenergy.serving;

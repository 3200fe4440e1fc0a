/**
 * Running a sweep. {@link org.llmenergy.experiment.protocol.SweepRunner} runs a spec (or a shard) cell by cell,
 * resuming a results file; {@link org.llmenergy.experiment.protocol.CellProtocol} runs one cell (warm-up, repeats,
 * cooldown) and {@link org.llmenergy.experiment.protocol.MeasurementDeriver} turns its raw runs into figures.
 * The engine seam: a {@link org.llmenergy.experiment.protocol.CellExecutor} runs one
 * {@link org.llmenergy.experiment.protocol.RunPlan} and reports a
 * {@link org.llmenergy.experiment.results.CellRun} or throws a
 * {@link org.llmenergy.experiment.protocol.CellFailure}; an {@link org.llmenergy.experiment.protocol.IdleProbe} and a
 * {@link org.llmenergy.experiment.protocol.BatchPredictor} complete a
 * {@link org.llmenergy.experiment.protocol.Backend}, created by engine name through
 * {@link org.llmenergy.experiment.protocol.Backends}. {@link org.llmenergy.experiment.protocol.PhaseWindows} is the
 * one bridge from an engine's phase edges to a meter's prefill and decode windows (the DJL executor and
 * {@code llm-energy run} both use it). Depends on {@code spec}, {@code results} and {@code progress}.
 */
package org.llmenergy.experiment.protocol;

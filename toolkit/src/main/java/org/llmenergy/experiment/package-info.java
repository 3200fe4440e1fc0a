/**
 * Sweeps: specs, the measurement protocol (warm-up, repeats, cooldown, idle baseline), the
 * append-only JSON Lines results store, resume, shard and merge. Uses {@code energy}, {@code inference} and
 * {@code workload}.
 *
 * <ul>
 *   <li>Specs: {@link org.llmenergy.experiment.SpecReader} reads and validates a JSON spec into a
 *       {@link org.llmenergy.experiment.SweepSpec}, whose {@code expandCells()} lists every
 *       {@link org.llmenergy.experiment.Cell} and whose {@code hash()} identifies it in results.</li>
 *   <li>The engine seam: a {@link org.llmenergy.experiment.CellExecutor} runs one
 *       {@link org.llmenergy.experiment.RunPlan} and reports a {@link org.llmenergy.experiment.CellRun} (times,
 *       tokens, gross {@link org.llmenergy.experiment.EnergyReading}s) or throws a
 *       {@link org.llmenergy.experiment.CellFailure}; an {@link org.llmenergy.experiment.IdleBaseline} and a
 *       {@link org.llmenergy.experiment.BatchPredictor} complete a {@link org.llmenergy.experiment.Backend},
 *       registered by engine name in {@link org.llmenergy.experiment.Backends}.
 *       {@link org.llmenergy.experiment.PhaseWindows} is the one bridge from an engine's phase edges to a meter's
 *       prefill and decode windows (the DJL executor and {@code llm-energy run} both use it).</li>
 *   <li>Protocol: {@link org.llmenergy.experiment.SweepRunner} runs a spec (or a
 *       {@link org.llmenergy.experiment.Shard}) cell by cell, resuming a results file.</li>
 *   <li>Results: {@link org.llmenergy.experiment.ResultRecord} lines written by
 *       {@link org.llmenergy.experiment.ResultsWriter}, read by {@link org.llmenergy.experiment.ResultsReader},
 *       merged by {@link org.llmenergy.experiment.ResultsMerger}, tabulated by
 *       {@link org.llmenergy.experiment.ResultsTable}. Energies measured by other tools (CodeCarbon) enter a results
 *       file as {@link org.llmenergy.experiment.ExternalMeasurement} lines, labelled and skipped by the sweep code.
 *       A sweep holds an exclusive lock on its file and a merge refuses a locked file; a
 *       {@link org.llmenergy.experiment.StartMarker} before each cell lets resume record a cell the process died
 *       in as crashed instead of dying in it again.</li>
 * </ul>
 */
package org.llmenergy.experiment;

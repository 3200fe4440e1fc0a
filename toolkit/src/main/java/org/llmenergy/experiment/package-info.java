/**
 * Sweeps: specs, the measurement protocol (warm-up, repeats, cooldown, idle baseline), the append-only JSON Lines
 * results store, resume, shard and merge. Uses {@code energy}, {@code inference}, {@code model} and
 * {@code workload}. The classes live in five sub-packages whose dependencies point one way,
 * {@code spec ← results ← progress ← protocol ← djl}:
 *
 * <ul>
 *   <li>{@link org.llmenergy.experiment.spec}: what a sweep asks for, read and validated from its JSON.</li>
 *   <li>{@link org.llmenergy.experiment.results}: the store, its records and files (what {@code estimate} and
 *       {@code report} read).</li>
 *   <li>{@link org.llmenergy.experiment.progress}: progress snapshots and the console display.</li>
 *   <li>{@link org.llmenergy.experiment.protocol}: running a spec cell by cell through an engine seam.</li>
 *   <li>{@link org.llmenergy.experiment.djl}: the DJL engine behind that seam.</li>
 * </ul>
 */
package org.llmenergy.experiment;

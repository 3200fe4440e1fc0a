/**
 * Sweeps: specs, the measurement protocol (warm-up, repeats, cooldown, idle baseline), the
 * append-only JSON Lines results store, resume, shard and merge. Uses {@code energy}, {@code inference} and
 * {@code workload}.
 */
package org.llmenergy.experiment;

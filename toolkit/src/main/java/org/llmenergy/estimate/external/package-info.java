/**
 * Loaders for external energy measurements used to validate the toolkit's estimates: the ML.ENERGY leaderboard
 * v2 per-configuration files and the v3 per-model files (The ML.ENERGY Benchmark, Chung et al., NeurIPS 2025
 * Datasets and Benchmarks; Apache-2.0). They take a {@link java.nio.file.Path}; resolving dataset ids to files
 * is the {@code data} package's job.
 */
package org.llmenergy.estimate.external;

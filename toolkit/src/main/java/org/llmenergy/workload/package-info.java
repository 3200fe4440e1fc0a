/**
 * Request traces and their modelling: {@code Request}, streaming trace readers (Azure 2023/2024,
 * BurstGPT, generic CSV/JSONL), exact length statistics, the paper's ceiling binning and
 * {@code BinnedWorkload}. Reads files resolved by {@code data}.
 */
package org.llmenergy.workload;

/**
 * Workload energy estimates: the binned estimator, the FLOPs/TDP theoretical baseline, comparisons,
 * the paper's published numbers as data, and what-if models. Uses {@code workload}, {@code model},
 * {@code hardware} and the records of {@code experiment}.
 */
package org.llmenergy.estimate;

/**
 * Workload energy estimates: the binned estimator ({@link org.llmenergy.estimate.BinnedEstimator}), the
 * FLOPs/TDP theoretical baseline ({@link org.llmenergy.estimate.TheoreticalEstimator},
 * {@link org.llmenergy.estimate.PeakRate}), the paper's comparison formulas
 * ({@link org.llmenergy.estimate.Comparisons}) and the CSV inputs of the {@code estimate} command. The paper's
 * numbers, the Figure 2 fit and what-if answers are in {@code estimate.paper}; external validation data loaders
 * in {@code estimate.external}. Uses {@code workload}, {@code model}, {@code hardware} and the records of
 * {@code experiment}.
 */
package org.llmenergy.estimate;

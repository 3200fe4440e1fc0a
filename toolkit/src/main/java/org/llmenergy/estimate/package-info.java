/**
 * Workload energy estimates. Uses {@code workload}, {@code model}, {@code hardware} and the records of
 * {@code experiment}.
 *
 * <ul>
 *   <li><b>One energy-model abstraction:</b> {@link org.llmenergy.estimate.EnergyModel} (a source bound to its
 *       serving setting) gives a {@link org.llmenergy.estimate.RequestPricer} per workload, which prices a request
 *       shape as a {@link org.llmenergy.estimate.RequestEnergy} with a 90 % interval and
 *       {@link org.llmenergy.estimate.EstimateFlag}s. Sources: the paper's Figure-2 fit
 *       ({@code estimate.paper.PaperFitModel}, {@code paper-fit}), the fit to our own sweep
 *       ({@link org.llmenergy.estimate.SweepEnergyModel#atBatch}, {@code sweep-fit}), per-bin batch energies
 *       ({@link org.llmenergy.estimate.BatchEnergiesModel}, {@code energies}) and the calibrated step model
 *       ({@code estimate.calibrated}). The first two share one law,
 *       {@link org.llmenergy.estimate.PhaseEnergyLaw}, served in static batches by
 *       {@link org.llmenergy.estimate.StaticBatchLaw}.</li>
 *   <li><b>One pricing function:</b> {@link org.llmenergy.estimate.WorkloadPricing} prices a
 *       {@link org.llmenergy.estimate.Workload} (a trace at its exact lengths, bins, one (I, O) pair, an
 *       output-length histogram) into a {@link org.llmenergy.estimate.WorkloadPrice}: totals with intervals, the
 *       prefill/decode split, time where the model gives it, and every excluded request counted by reason
 *       ({@link org.llmenergy.estimate.Exclusion}).</li>
 *   <li>The paper's binned estimator over measured batch energies ({@link org.llmenergy.estimate.BinnedEstimator},
 *       used for the paper's own Table 4 setting), the FLOPs/TDP theoretical baseline
 *       ({@link org.llmenergy.estimate.TheoreticalEstimator}, {@link org.llmenergy.estimate.PeakRate}), the paper's
 *       comparison formulas ({@link org.llmenergy.estimate.Comparisons}) and CSV inputs.</li>
 * </ul>
 * The paper's numbers and the Figure 2 fit are in {@code estimate.paper}; external validation data loaders in
 * {@code estimate.external}.
 */
package org.llmenergy.estimate;

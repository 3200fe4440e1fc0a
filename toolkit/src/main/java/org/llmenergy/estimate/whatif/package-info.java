/**
 * What-if questions for teaching and quick answers: a serving setting named in one line
 * ({@link org.llmenergy.estimate.whatif.Setup}), a workload priced under it by the calibrated model
 * ({@link org.llmenergy.estimate.whatif.Answer}), and two settings compared
 * ({@link org.llmenergy.estimate.whatif.Comparison}). Pricing goes through {@code estimate.WorkloadPricing} like
 * every other estimate; {@code llm-energy what-if} and notebook 10 call these classes.
 * Uses {@code estimate}, {@code estimate.calibrated}, {@code model} and {@code hardware}.
 */
package org.llmenergy.estimate.whatif;

/**
 * The paper's side of the comparison: Fernandez et al. (ACL 2025) tables, text values and digitised figure
 * values as data ({@link org.llmenergy.estimate.paper.PaperNumbers}); an energy model fitted to Figure 2 so the
 * paper's A6000/vLLM per-bin energies can be applied to any trace
 * ({@link org.llmenergy.estimate.paper.Figure2Fit}, {@link org.llmenergy.estimate.paper.PaperFitEstimator});
 * and what-if answers with an error band ({@link org.llmenergy.estimate.paper.PaperFitModel}, the {@code paper-fit} {@link org.llmenergy.estimate.EnergyModel}).
 */
package org.llmenergy.estimate.paper;

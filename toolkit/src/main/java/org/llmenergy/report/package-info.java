/**
 * Tablesaw tables and XChart figures for every figure and table of the paper, and the offline HTML report.
 * Uses {@code estimate}, {@code serving}, {@code experiment}, {@code impact} and {@code workload}.
 *
 * <ul>
 *   <li><b>Inputs:</b> the paper's numbers come from {@code estimate.paper.PaperNumbers}; ours come as neutral
 *       records ({@link org.llmenergy.report.Series}, {@link org.llmenergy.report.SweepPoint},
 *       {@link org.llmenergy.report.TraceTotals}, {@link org.llmenergy.report.TraceSummary}, gathered in
 *       {@link org.llmenergy.report.OurData}); {@link org.llmenergy.report.MeasuredPoints} turns the experiment
 *       package's results records into them.</li>
 *   <li><b>Builders:</b> one class per paper figure group returns {@link org.llmenergy.report.Panel}s (a
 *       {@link org.llmenergy.report.Plot} in data units with caption and source); table builders return
 *       {@link org.llmenergy.report.ReportTable}s. Every legend entry and source line says whether a value is the
 *       paper's (published or digitised), a model, or ours (measured or estimated); a figure without ours says
 *       "paper only".</li>
 *   <li><b>Impacts:</b> {@link org.llmenergy.report.GridImpactFigure} draws one energy's operational emissions in
 *       several grids (countries and cloud regions) with the energy's interval, and says what the factors leave
 *       out.</li>
 *   <li><b>Serving:</b> {@link org.llmenergy.report.ServingFigures} draws simulations of {@code serving} (power over
 *       time, energy against load, online against offline beside the paper's Figure 9, the latency-energy frontier);
 *       callers run the simulations.</li>
 *   <li><b>Sections:</b> {@link org.llmenergy.report.PaperSections} composes them per paper section for the
 *       notebooks and {@link org.llmenergy.report.HtmlReport#add(org.llmenergy.report.ReportSection)}.</li>
 * </ul>
 * It runs nothing: the main job ({@code org.llmenergy.reproduce}) reads the traces, runs the sweep, prices and
 * decides the report's layout, then hands the data to these builders.
 */
package org.llmenergy.report;

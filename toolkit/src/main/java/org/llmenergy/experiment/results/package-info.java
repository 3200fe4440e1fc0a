/**
 * The results store: {@link org.llmenergy.experiment.results.ResultRecord} lines (a measured repeat or a failed
 * cell, with the {@link org.llmenergy.experiment.results.RepeatMeasurement}, phase energies, idle power and
 * environment they carry) written by {@link org.llmenergy.experiment.results.ResultsWriter}, read by
 * {@link org.llmenergy.experiment.results.ResultsReader}, indexed for resume by
 * {@link org.llmenergy.experiment.results.ResultsIndex}, merged by
 * {@link org.llmenergy.experiment.results.ResultsMerger} and tabulated by
 * {@link org.llmenergy.experiment.results.ResultsTable}. Energies measured by other tools (CodeCarbon) enter as
 * {@link org.llmenergy.experiment.results.ExternalMeasurement} lines. A sweep holds an exclusive lock on its file
 * and a merge refuses a locked file; a {@link org.llmenergy.experiment.results.StartMarker} before each cell lets
 * resume record a cell the process died in as crashed instead of dying in it again. Depends on
 * {@code experiment.spec} only.
 */
package org.llmenergy.experiment.results;

/**
 * What a sweep asks for. {@link org.llmenergy.experiment.spec.SpecReader} reads and validates a JSON spec (errors
 * name the file and the field) into a {@link org.llmenergy.experiment.spec.SweepSpec}, whose {@code expandCells()}
 * lists every {@link org.llmenergy.experiment.spec.Cell} and whose {@code hash()} identifies it in results
 * ({@link org.llmenergy.experiment.spec.CanonicalJson}); a {@link org.llmenergy.experiment.spec.Shard} is one array
 * task's share of the cells. Engines are checked through
 * {@link org.llmenergy.experiment.spec.EngineCapabilities}, so reading a spec needs none of the code that runs it.
 * {@link org.llmenergy.experiment.spec.ExperimentJson} is the experiment's JSON dialect, shared with the results
 * store. Depends on no other {@code experiment} package.
 */
package org.llmenergy.experiment.spec;

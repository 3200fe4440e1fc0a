/**
 * The DJL engine behind the protocol's seam: {@link org.llmenergy.experiment.djl.DjlBackendFactory} chooses the
 * meter and loads models, {@link org.llmenergy.experiment.djl.DjlCellExecutor} runs a cell's plan on the
 * {@code inference} engine with phase windows. Depends on {@code protocol} and what it uses.
 */
package org.llmenergy.experiment.djl;

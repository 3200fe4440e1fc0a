package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.spec.EngineCapabilities;
import org.llmenergy.experiment.spec.SweepSpec;

/**
 * Creates a {@link Backend} for a spec's {@code "engine"} name. List one in
 * {@code META-INF/services/org.llmenergy.experiment.spec.EngineCapabilities}: the spec reader checks flags and
 * models against it, and {@link Backends} creates backends from it.
 */
public interface BackendFactory extends EngineCapabilities {
    /**
     * @param spec the sweep (device, dtype and models, for choosing meters and loading weights)
     * @return a backend ready to run the spec's cells
     * @throws Exception when the engine or meter cannot be set up; the sweep does not start
     */
    Backend create(SweepSpec spec) throws Exception;
}

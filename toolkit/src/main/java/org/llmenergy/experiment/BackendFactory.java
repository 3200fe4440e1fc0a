package org.llmenergy.experiment;

/**
 * Creates a {@link Backend} for a spec's {@code "engine"} name. Register one with {@link Backends#register}
 * or list it in {@code META-INF/services/org.llmenergy.experiment.BackendFactory}.
 */
public interface BackendFactory {
    /** @return the engine name a spec uses to pick this factory, for example {@code "djl"} */
    String name();

    /**
     * @param spec the sweep (device, dtype and models, for choosing meters and loading weights)
     * @return a backend ready to run the spec's cells
     * @throws Exception when the engine or meter cannot be set up; the sweep does not start
     */
    Backend create(SweepSpec spec) throws Exception;
}

package org.llmenergy.experiment;

import java.util.Set;

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

    /**
     * @return the {@code engineOptions} flags this engine applies; a spec setting any other flag is refused,
     *         since a flag that is recorded in the cell key but not applied would label default runs falsely
     */
    default Set<String> knownFlags() { return Set.of(); }

    /**
     * Checks, before any cell runs, that the engine can load a model, so that a typo fails the spec instead of
     * every cell.
     *
     * @param model a model as the spec names it
     * @return why it cannot be run, or null when it can
     */
    default String modelProblem(String model) { return null; }
}

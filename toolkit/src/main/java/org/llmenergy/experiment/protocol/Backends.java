package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.spec.EngineCapabilities;
import org.llmenergy.experiment.spec.SweepSpec;

/**
 * Engine backends by name: the engines listed in
 * {@code META-INF/services/org.llmenergy.experiment.spec.EngineCapabilities} that can also create a backend. There
 * is deliberately no built-in fallback: a sweep whose engine is not listed fails instead of inventing numbers.
 */
public final class Backends {
    private Backends() {}

    /**
     * @param name an engine name
     * @return its factory
     * @throws IllegalArgumentException naming the available engines when there is none of that name, or when the
     *         engine listed under it cannot run cells
     */
    public static BackendFactory factory(String name) {
        EngineCapabilities e = EngineCapabilities.named(name);
        if (e instanceof BackendFactory f) return f;
        throw new IllegalArgumentException("engine '" + name + "' (" + e.getClass().getName()
                + ") is listed but cannot create a backend: it does not implement " + BackendFactory.class.getName());
    }

    /**
     * @param spec a sweep
     * @return a backend for its engine
     * @throws Exception when the backend cannot be set up
     */
    public static Backend create(SweepSpec spec) throws Exception { return factory(spec.engine()).create(spec); }
}

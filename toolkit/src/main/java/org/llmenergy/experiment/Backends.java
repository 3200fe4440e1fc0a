package org.llmenergy.experiment;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of engine backends by name. Factories come from {@link #register} and from
 * {@link ServiceLoader} ({@code META-INF/services/org.llmenergy.experiment.BackendFactory}); a registered one
 * wins over a discovered one of the same name. There is deliberately no built-in fallback: a sweep whose
 * engine is not registered fails instead of inventing numbers.
 */
public final class Backends {
    private static final Map<String, BackendFactory> REGISTERED = new ConcurrentHashMap<>();

    private Backends() {}

    /** Registers (or replaces) the factory for {@code factory.name()}. */
    public static void register(BackendFactory factory) { REGISTERED.put(factory.name(), factory); }

    /** Removes the factory registered under {@code name}, if any (discovered factories stay). */
    public static void unregister(String name) { REGISTERED.remove(name); }

    /** @return every engine name available now, sorted */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>(REGISTERED.keySet());
        for (BackendFactory f : ServiceLoader.load(BackendFactory.class)) names.add(f.name());
        return names;
    }

    /**
     * @param name an engine name
     * @return its factory
     * @throws IllegalArgumentException naming the available engines when there is none of that name
     */
    public static BackendFactory factory(String name) {
        BackendFactory f = REGISTERED.get(name);
        if (f != null) return f;
        for (BackendFactory d : ServiceLoader.load(BackendFactory.class)) if (d.name().equals(name)) return d;
        throw new IllegalArgumentException("no engine backend named '" + name + "' is available (available: "
                + names() + "); the sweep needs a real engine and meter and will not invent energy");
    }

    /**
     * @param spec a sweep
     * @return a backend for its engine
     * @throws Exception when the backend cannot be set up
     */
    public static Backend create(SweepSpec spec) throws Exception { return factory(spec.engine()).create(spec); }
}

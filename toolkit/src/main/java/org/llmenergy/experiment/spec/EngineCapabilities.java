package org.llmenergy.experiment.spec;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a spec's {@code "engine"} can do, as far as reading the spec needs to know: the flags it applies and the
 * models it can load. Engine backends implement it (see {@code protocol.BackendFactory}) and are listed, once, in
 * {@code META-INF/services/org.llmenergy.experiment.spec.EngineCapabilities}; the spec reader looks them up here so
 * that reading a spec does not depend on the code that runs it.
 */
public interface EngineCapabilities {
    /** @return the engine name a spec uses, for example {@code "djl"} */
    String name();

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

    /** @return every engine name listed, sorted */
    static Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (EngineCapabilities e : ServiceLoader.load(EngineCapabilities.class)) names.add(e.name());
        return names;
    }

    /**
     * @param name an engine name
     * @return the listed engine of that name
     * @throws IllegalArgumentException naming the available engines when there is none of that name
     */
    static EngineCapabilities named(String name) {
        for (EngineCapabilities e : ServiceLoader.load(EngineCapabilities.class)) if (e.name().equals(name)) return e;
        throw new IllegalArgumentException("no engine backend named '" + name + "' is available (available: "
                + names() + "); the sweep needs a real engine and meter and will not invent energy");
    }
}

package org.llmenergy.experiment.spec;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One engine configuration of a sweep: each optimisation is a named on/off flag (for example
 * {@code "compile": true} for torch.compile, {@code "cudaGraphs": false} for eager mode, the paper's Fig. 5
 * axes). The engine adapter decides which flags it understands and rejects the others.
 *
 * @param name  a label for tables and figures, for example {@code "compiled"}
 * @param flags flag name to value, kept sorted by name so that keys and hashes are stable
 */
public record EngineFlags(String name, SortedMap<String, Boolean> flags) {
    /** The engine's defaults: no flags set. */
    public static final EngineFlags DEFAULT = new EngineFlags("default", new TreeMap<>());

    public EngineFlags {
        Objects.requireNonNull(name, "name");
        flags = Collections.unmodifiableSortedMap(new TreeMap<>(flags == null ? Map.of() : flags));
    }

    /** @return the flag's value, or {@code fallback} when the options do not set it */
    public boolean flag(String flag, boolean fallback) { return flags.getOrDefault(flag, fallback); }

    /** @return a stable key such as {@code compiled{compile=true}} */
    public String key() {
        return name + flags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}

package org.llmenergy.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Measures one cell: warm-up runs (JIT, allocator and cache warm-up; discarded), then repeats of the identical
 * run (same seed, so the same prompt and the same tokens each time).
 */
public final class CellRunner {
    private CellRunner() {}

    /**
     * @param engine     a loaded engine
     * @param spec       the cell
     * @param warmup     discarded runs first, &gt;= 0
     * @param repeats    measured runs, &gt;= 1
     * @param listeners  the phase listener for measured repeat {@code i} (warm-up runs get none); this is where
     *                   an energy meter attaches its windows
     * @return the repeats
     */
    public static CellReport run(InferenceEngine engine, RunSpec spec, int warmup, int repeats,
                                 IntFunction<PhaseListener> listeners) {
        if (warmup < 0) throw new IllegalArgumentException("warm-up runs must be >= 0, got " + warmup);
        if (repeats < 1) throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        for (int i = 0; i < warmup; i++) engine.run(spec, PhaseListener.NONE);
        List<RunResult> results = new ArrayList<>(repeats);
        for (int i = 0; i < repeats; i++) results.add(engine.run(spec, listeners.apply(i)));
        return new CellReport(spec, warmup, results);
    }

    /** As {@link #run(InferenceEngine, RunSpec, int, int, IntFunction)} without listeners. */
    public static CellReport run(InferenceEngine engine, RunSpec spec, int warmup, int repeats) {
        return run(engine, spec, warmup, repeats, i -> PhaseListener.NONE);
    }
}

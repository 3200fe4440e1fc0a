package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.IdlePower;
import org.llmenergy.experiment.spec.Cell;
import org.llmenergy.experiment.spec.SweepSpec;

import java.util.OptionalInt;
import java.util.Set;
import org.llmenergy.units.Provenance;

/**
 * The "synthetic" engine for tests, found through {@code META-INF/services} in the test resources, so the CLI
 * and child JVMs can run sweeps without a real engine. {@code -Dllmenergy.test.workMillis=N} sets the sleep
 * per executor call; models named {@code failing-*} fail with an engine error; models named {@code crashing-*}
 * halt the JVM (exit 137, like an out-of-memory kill) in their full run; a cell "fits" up to batch
 * {@code 4096 / (input + output)} and the predictor over-predicts by half.
 */
public final class SyntheticBackendFactory implements BackendFactory {
    static final double IDLE_W = 20.0;

    @Override
    public String name() { return "synthetic"; }

    /** The synthetic executor accepts a {@code compile} flag (it runs the same either way) for spec tests. */
    @Override
    public Set<String> knownFlags() { return Set.of("compile"); }

    @Override
    public String modelProblem(String model) {
        return model.startsWith("unknown-") ? "model '" + model + "' is neither a preset nor a checkpoint" : null;
    }

    static int fits(Cell c) { return Math.max(0, 4096 / (c.input() + c.output())); }

    @Override
    public Backend create(SweepSpec spec) {
        long work = Long.getLong("llmenergy.test.workMillis", 0);
        Set<String> failing = Set.copyOf(spec.models().stream().filter(m -> m.startsWith("failing-")).toList());
        SyntheticExecutor executor = new SyntheticExecutor(work, SyntheticBackendFactory::fits, failing);
        IdleProbe idle = seconds -> IdlePower.of(IDLE_W, seconds,
                Provenance.of(Provenance.Source.MODEL, java.util.Map.of("synthetic", "test idle")));
        BatchPredictor predictor = c -> OptionalInt.of(fits(c) + fits(c) / 2 + 1);
        return new Backend(executor, idle, predictor);
    }
}

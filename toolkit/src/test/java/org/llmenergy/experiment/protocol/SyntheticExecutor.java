package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.CellRun;
import org.llmenergy.experiment.spec.Cell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.llmenergy.energy.EnergyFigure;
import org.llmenergy.units.Provenance;

/**
 * A test executor at the lowest seam: it "runs" a plan by sleeping {@code workMillis} and reports energies
 * from a fixed linear model, so every derived figure can be checked exactly. Its provenance says MODEL with a
 * "synthetic" detail: these are not measurements.
 *
 * <p>Model per batch of B requests: prefill costs {@link #PREFILL_J_PER_TOKEN} × B × I, each decode step costs
 * {@link #STEP_J} + {@link #DECODE_J_PER_SEQ} × B; time is energy / {@link #WATTS}.
 */
final class SyntheticExecutor implements CellExecutor {
    static final double PREFILL_J_PER_TOKEN = 0.002;
    static final double STEP_J = 0.5;
    static final double DECODE_J_PER_SEQ = 0.01;
    static final double WATTS = 100.0;

    private final long workMillis;
    private final ToIntFunction<Cell> maxBatch;
    private final Set<String> failingModels;
    final List<RunPlan> calls = new ArrayList<>();

    /**
     * @param workMillis    sleep per call, ms
     * @param maxBatch      largest batch that "fits" for a cell (larger throws OUT_OF_MEMORY)
     * @param failingModels models whose full runs throw an engine error
     */
    SyntheticExecutor(long workMillis, ToIntFunction<Cell> maxBatch, Set<String> failingModels) {
        this.workMillis = workMillis;
        this.maxBatch = maxBatch;
        this.failingModels = failingModels;
    }

    SyntheticExecutor() { this(0, c -> Integer.MAX_VALUE, Set.of()); }

    static double prefillJ(int batch, int input) { return PREFILL_J_PER_TOKEN * batch * input; }

    static double decodeJ(int batch, int output) { return (output - 1) * (STEP_J + DECODE_J_PER_SEQ * batch); }

    @Override
    public CellRun execute(Cell cell, RunPlan plan) throws CellFailure, InterruptedException {
        calls.add(plan);
        if (workMillis > 0) Thread.sleep(workMillis);
        if (plan.batchSize() > maxBatch.applyAsInt(cell)) {
            throw CellFailure.outOfMemory(cell, "synthetic: batch " + plan.batchSize() + " does not fit", null);
        }
        if (cell.model().startsWith("crashing-") && plan.purpose() == RunPlan.Purpose.FULL) {
            // What the kernel's out-of-memory killer does to the process: no exception, no shutdown hook.
            Runtime.getRuntime().halt(137);
        }
        if (failingModels.contains(cell.model()) && plan.purpose() == RunPlan.Purpose.FULL) {
            throw CellFailure.engineError(cell, "synthetic engine error", new IllegalStateException("boom"));
        }
        int b = plan.batchSize();
        double pre = plan.batches() * prefillJ(b, plan.inputTokens());
        double dec = plan.batches() * decodeJ(b, plan.outputTokens());
        long in = plan.plannedInputTokens();
        long out = plan.plannedOutputTokens();
        if (!plan.measureEnergy()) return CellRun.unmetered(plan.examples(), in, out, (pre + dec) / WATTS, "not metered");
        double start = 1_000_000.0;
        Provenance prov = Provenance.builder().setSource(Provenance.Source.MODEL).optDevices(List.of("synthetic-device"))
                .optWindow(start, start + (pre + dec) / WATTS).optDetail("synthetic", "test executor").build();
        EnergyFigure prefillWin = plan.phaseWindows() ? EnergyFigure.of(pre, prov) : EnergyFigure.unavailable("no phase windows asked");
        EnergyFigure decodeWin = plan.phaseWindows() ? EnergyFigure.of(dec, prov) : EnergyFigure.unavailable("no phase windows asked");
        return new CellRun(plan.examples(), in, out, (pre + dec) / WATTS, pre / WATTS, dec / WATTS,
                EnergyFigure.of(pre + dec, prov), prefillWin, decodeWin);
    }

    @Override
    public Map<String, String> describe() { return Map.of("engine", "synthetic", "engineVersion", "test"); }
}

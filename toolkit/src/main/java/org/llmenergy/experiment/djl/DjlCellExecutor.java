package org.llmenergy.experiment.djl;

import org.llmenergy.experiment.protocol.CellExecutor;
import org.llmenergy.experiment.protocol.CellFailure;
import org.llmenergy.experiment.protocol.PhaseWindows;
import org.llmenergy.experiment.protocol.RunPlan;
import org.llmenergy.experiment.results.CellRun;
import org.llmenergy.experiment.spec.Cell;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.llmenergy.energy.EnergyFigure;
import org.llmenergy.energy.EnergyMeter;
import org.llmenergy.energy.Measurement;
import org.llmenergy.energy.Window;
import org.llmenergy.inference.InferenceEngine;
import org.llmenergy.inference.InsufficientMemoryException;
import org.llmenergy.inference.ModelSource;
import org.llmenergy.inference.Phase;
import org.llmenergy.inference.PhaseListener;
import org.llmenergy.inference.RunResult;
import org.llmenergy.inference.RunSpec;
import org.llmenergy.units.Provenance;

/**
 * Runs cells on the DJL transformer and measures them: one window around all of a plan's batches, and, when
 * the plan asks, a prefill and a decode window around each batch's phases (opened and closed on the engine's
 * phase edges, after it has waited for the device), summed over the batches.
 *
 * <p>Engines are loaded once per (model, device, dtype) and kept for the executor's life. Model names are
 * presets (seeded random weights: energy depends on shapes and lengths, not on weight values) or checkpoint
 * folders.
 */
final class DjlCellExecutor implements CellExecutor {
    /** Weight seed for preset models, so every cell of a sweep runs the same weights. */
    private static final long WEIGHT_SEED = 0;
    /** Summed windows listed in a sum's provenance; more are counted, not listed, to keep result lines small. */
    static final int MAX_LISTED_WINDOWS = 8;

    private final EnergyMeter meter;
    private final Map<String, InferenceEngine> engines = new HashMap<>();

    DjlCellExecutor(EnergyMeter meter) { this.meter = meter; }

    /**
     * @param model a preset name, a config.json, or a folder holding a Hugging Face checkpoint
     * @return where the weights come from
     */
    static ModelSource modelSource(String model) {
        return ModelSource.parse(model, WEIGHT_SEED);
    }

    @Override
    public CellRun execute(Cell cell, RunPlan plan) throws CellFailure {
        InferenceEngine engine = engine(cell);
        meter.setSyncHook(engine.deviceSync()::run);
        RunSpec spec;
        try {
            spec = RunSpec.greedy(plan.batchSize(), plan.inputTokens(), plan.outputTokens(), decodingSeed(cell))
                    .withDecoding(cell.decoding().toInference(DjlCellExecutor::modelSource));
        } catch (IllegalArgumentException e) {
            throw new CellFailure(CellFailure.Kind.UNSUPPORTED, cell, e.getMessage(), e);
        }
        long start = System.nanoTime();
        // try-with-resources: whatever ends the run early (an Error included) cancels the windows it left open
        try (CellWindow total = plan.measureEnergy() ? new CellWindow(meter.window("cell")) : null;
             PhaseWindows phases = plan.phaseWindows() ? new PhaseWindows(meter, "") : null) {
            Batches run = runBatches(engine, cell, spec, plan.batches(), phases == null ? PhaseListener.NONE : phases);
            double e2eS = (System.nanoTime() - start) / 1e9;
            long inputTokens = (long) plan.examples() * plan.inputTokens();
            if (total == null) {
                EnergyFigure none = EnergyFigure.unavailable("energy not requested for a " + plan.purpose() + " run");
                return new CellRun(plan.examples(), inputTokens, run.outputTokens(), e2eS, run.prefillS(),
                        run.decodeS(), none, none, none);
            }
            Measurement whole = total.end();
            EnergyFigure noPhases = EnergyFigure.unavailable("phase windows not requested for this run");
            return new CellRun(plan.examples(), inputTokens, run.outputTokens(), e2eS, run.prefillS(), run.decodeS(),
                    reading(List.of(whole), engine.attentionPath()),
                    phases != null ? reading(phases.measurements(Phase.PREFILL), engine.attentionPath()) : noPhases,
                    phases != null ? reading(phases.measurements(Phase.DECODE), engine.attentionPath()) : noPhases);
        }
    }

    /** Runs the plan's batches back to back; an engine error or running out of memory is the cell's failure. */
    private static Batches runBatches(InferenceEngine engine, Cell cell, RunSpec spec, int batches,
                                      PhaseListener phases) throws CellFailure {
        double prefillS = 0;
        double decodeS = 0;
        long outputTokens = 0;
        try {
            for (int b = 0; b < batches; b++) {
                RunResult r = engine.run(spec.withSeed(spec.seed() + b), phases);
                prefillS += r.prefillSeconds();
                decodeS += r.decodeSeconds();
                outputTokens += (long) r.batch() * r.outputTokens();
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            throw failure(cell, e);
        }
        return new Batches(prefillS, decodeS, outputTokens);
    }

    /** Seconds and tokens summed over a plan's batches. */
    private record Batches(double prefillS, double decodeS, long outputTokens) {}

    /** The whole-cell window; closing cancels it unless it was ended, so a failed run leaves nothing open. */
    private record CellWindow(Window window) implements AutoCloseable {
        Measurement end() { return window.end(); }

        @Override
        public void close() { window.cancel(); }
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("engine", "djl");
        d.put("ompWaitPolicy", org.llmenergy.inference.WaitPolicy.describe());
        try {
            d.put("djlEngine", ai.djl.engine.Engine.getInstance().getEngineName() + " "
                    + ai.djl.engine.Engine.getInstance().getVersion());
        } catch (RuntimeException e) {
            d.put("djlEngine", "unavailable: " + e.getMessage());
        }
        d.put("meter", meter.kind().toString());
        d.put("meterChoice", meter.choice().describe());
        return d;
    }

    @Override
    public void close() {
        engines.values().forEach(InferenceEngine::close);
        engines.clear();
        meter.close();
    }

    private InferenceEngine engine(Cell cell) throws CellFailure {
        String key = cell.model() + "|" + cell.device().label() + "|" + cell.dtype().label();
        InferenceEngine engine = engines.get(key);
        if (engine != null) return engine;
        try {
            var options = org.llmenergy.inference.EngineOptions.cpu()
                    .withDevice(cell.device())
                    .withPrecision(cell.dtype());
            engine = InferenceEngine.load(modelSource(cell.model()), options);
        } catch (RuntimeException | OutOfMemoryError e) {
            throw failure(cell, e);
        }
        engines.put(key, engine);
        return engine;
    }

    private static long decodingSeed(Cell cell) {
        return cell.decoding().seed() == null ? 1 : cell.decoding().seed();
    }

    /** Out of memory when the JVM or the engine says so; any other engine error otherwise. */
    static CellFailure failure(Cell cell, Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        boolean oom = e instanceof OutOfMemoryError || e instanceof InsufficientMemoryException
                || lower.contains("out of memory")
                || lower.contains("can't allocate memory") || lower.contains("cannot allocate memory");
        return oom ? CellFailure.outOfMemory(cell, message, e) : CellFailure.engineError(cell, message, e);
    }

    /** Sums the windows' gross energy; one missing window makes the sum missing, with that window's reason. */
    private static EnergyFigure reading(List<Measurement> windows, String attention) {
        if (windows.isEmpty()) return EnergyFigure.unavailable("no window of this phase was opened");
        double joules = 0;
        for (Measurement m : windows) {
            EnergyFigure f = m.total();
            if (!f.isPresent()) return EnergyFigure.unavailable(m.name() + ": " + f.missingReason());
            joules += f.joules();
        }
        // Which attention ran is part of how the energy came about: the fused and the chunked paths differ in time.
        Provenance first = windows.get(0).total().provenance().toBuilder().optDetail("attention", attention).build();
        if (windows.size() == 1) return EnergyFigure.of(joules, first);
        // a run of many small batches would store thousands of near-identical inputs: list the first few
        Provenance summed = Provenance.derivedFrom(windows.stream().map(m -> m.total().provenance()).toList())
                .optNetOfIdle(false).optDerivedFromLimit(MAX_LISTED_WINDOWS)
                .optDetail("windows", Integer.toString(windows.size()))
                .optDetail("summed", "gross energy of " + windows.size() + " '" + windows.get(0).name() + "' windows")
                .optDetail("attention", attention)
                .build();
        return EnergyFigure.of(joules, summed);
    }
}

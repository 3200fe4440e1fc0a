package org.llmenergy.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.llmenergy.energy.EnergyFigure;
import org.llmenergy.energy.EnergyMeter;
import org.llmenergy.energy.Measurement;
import org.llmenergy.energy.Window;
import org.llmenergy.inference.ComputeDevice;
import org.llmenergy.inference.DjlDataTypes;
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
        PhaseWindows phases = new PhaseWindows(meter, plan.phaseWindows());
        double prefillS = 0;
        double decodeS = 0;
        long outputTokens = 0;
        long start = System.nanoTime();
        Window total = plan.measureEnergy() ? meter.window("cell") : null;
        try {
            for (int b = 0; b < plan.batches(); b++) {
                RunResult r = engine.run(spec.withSeed(spec.seed() + b), phases);
                prefillS += r.prefillSeconds();
                decodeS += r.decodeSeconds();
                outputTokens += (long) r.batch() * r.outputTokens();
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            phases.cancelOpen();
            if (total != null) total.cancel();
            throw failure(cell, e);
        }
        double e2eS = (System.nanoTime() - start) / 1e9;
        long inputTokens = (long) plan.examples() * plan.inputTokens();
        if (total == null) {
            EnergyFigure none = EnergyFigure.unavailable("energy not requested for a " + plan.purpose() + " run");
            return new CellRun(plan.examples(), inputTokens, outputTokens, e2eS, prefillS, decodeS, none, none, none);
        }
        total.end();
        EnergyFigure noPhases = EnergyFigure.unavailable("phase windows not requested for this run");
        return new CellRun(plan.examples(), inputTokens, outputTokens, e2eS, prefillS, decodeS,
                reading(List.of(total.measurement())),
                plan.phaseWindows() ? reading(phases.prefill) : noPhases,
                plan.phaseWindows() ? reading(phases.decode) : noPhases);
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
    private static EnergyFigure reading(List<Measurement> windows) {
        if (windows.isEmpty()) return EnergyFigure.unavailable("no window of this phase was opened");
        double joules = 0;
        for (Measurement m : windows) {
            EnergyFigure f = m.total();
            if (!f.isPresent()) return EnergyFigure.unavailable(m.name() + ": " + f.unavailableReason());
            joules += f.joules();
        }
        Provenance first = windows.get(0).total().provenance();
        if (windows.size() == 1) return EnergyFigure.of(joules, first);
        Measurement last = windows.get(windows.size() - 1);
        List<String> reasons = new ArrayList<>();
        boolean valid = true;
        for (Measurement m : windows) {
            valid &= m.total().provenance().valid();
            reasons.addAll(m.total().provenance().reasons());
        }
        Map<String, String> details = new LinkedHashMap<>(first.details());
        details.put("windows", Integer.toString(windows.size()));
        details.put("summed", "gross energy of " + windows.size() + " '" + windows.get(0).name() + "' windows");
        Provenance summed = new Provenance(first.source(), first.devices(), first.driver(), first.samplingIntervalS(),
                first.windowStartS(), last.total().provenance().windowEndS(), false, valid,
                reasons.stream().distinct().toList(), details);
        return EnergyFigure.of(joules, summed);
    }

    /** Opens and closes the phase windows on the engine's phase edges and keeps their measurements. */
    private static final class PhaseWindows implements PhaseListener {
        private final EnergyMeter meter;
        private final boolean enabled;
        final List<Measurement> prefill = new ArrayList<>();
        final List<Measurement> decode = new ArrayList<>();

        PhaseWindows(EnergyMeter meter, boolean enabled) {
            this.meter = meter;
            this.enabled = enabled;
        }

        @Override
        public void onPhase(Phase phase, Phase.Edge edge) {
            if (!enabled) return;
            String name = phase.name().toLowerCase(Locale.ROOT);
            if (edge == Phase.Edge.START) {
                meter.begin(name);
            } else {
                (phase == Phase.PREFILL ? prefill : decode).add(meter.end(name));
            }
        }

        void cancelOpen() {
            for (String name : List.of("prefill", "decode")) {
                if (meter.openWindows().contains(name)) meter.cancel(name);
            }
        }
    }
}

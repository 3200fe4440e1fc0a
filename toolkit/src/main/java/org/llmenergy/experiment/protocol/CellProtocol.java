package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.BatchResolution;
import org.llmenergy.experiment.results.CellRun;
import org.llmenergy.experiment.results.FailureInfo;
import org.llmenergy.experiment.results.RecordStamp;
import org.llmenergy.experiment.results.RepeatMeasurement;
import org.llmenergy.experiment.results.ResultRecord;
import org.llmenergy.experiment.spec.Cell;
import org.llmenergy.experiment.spec.ProtocolSpec;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.llmenergy.energy.EnergyFigure;

/**
 * The measurement protocol for one cell (digest §2.6):
 * <ol>
 *   <li>settle the batch size: the spec's, or for "max" the largest that fits ({@link BatchProber}; reused
 *       from the cell's earlier records when resuming);</li>
 *   <li>warm up: {@link ProtocolSpec#warmupBatchesFor} full-length batches, not measured;</li>
 *   <li>for each repeat still missing: a <em>prefill run</em> (every request generates exactly one token),
 *       then a <em>full run</em> (every request generates exactly O tokens), both over the same
 *       {@link ProtocolSpec#batchesFor} batches, each metered as one window; the full run also with phase
 *       windows when {@link ProtocolSpec#phaseWindows()}; then one record is appended.</li>
 * </ol>
 *
 * <p><b>Prefill and decode, two ways.</b> The paper reports prefill and decode energy separately without
 * saying how it split them; its output-length plots sit at 1, 3, 7, …, 4095 = 2^k − 1 decode tokens, which
 * implies prefill = a run producing only the first token and decode = (a run producing 2^k tokens) − (that
 * prefill run) (digest §2.2 and §9 item 7). The protocol records exactly that ({@code prefill},
 * {@code decode} in {@link org.llmenergy.experiment.results.PhaseEnergies}), and, as a cross-check that does not rely on two runs costing the
 * same prefill, the same split measured directly by phase windows inside the full run ({@code prefillWindow},
 * {@code decodeWindow}). Both are kept; neither is silently preferred.
 *
 * <p>A {@link CellFailure} (or an unexpected exception from the executor) at any stage ends the cell with a
 * failure record; the sweep goes on.
 */
final class CellProtocol {
    /** Receives records; the runner writes them durably. */
    @FunctionalInterface
    interface RecordSink {
        void accept(ResultRecord record) throws IOException;
    }

    /** Receives stage changes and finished repeats, for progress. */
    interface Events {
        void stage(String stage);

        void repeatDone();
    }

    private final ProtocolSpec protocol;
    private final CellExecutor executor;
    private final BatchProber prober;
    private final RecordStamp stamp;
    private final Clock clock;

    CellProtocol(ProtocolSpec protocol, CellExecutor executor, BatchProber prober, RecordStamp stamp, Clock clock) {
        this.protocol = protocol;
        this.executor = executor;
        this.prober = prober;
        this.stamp = stamp;
        this.clock = clock;
    }

    /**
     * Runs the cell's missing repeats.
     *
     * @param index       the cell's position in the spec's order
     * @param cell        the cell
     * @param repeatsDone repeats already recorded
     * @param knownBatch  the batch earlier repeats of a "max" cell ran at, or null
     * @param sink        where records go
     * @param events      progress
     * @return true when the cell failed (a failure record was written)
     */
    boolean run(int index, Cell cell, Set<Integer> repeatsDone, Integer knownBatch, RecordSink sink, Events events)
            throws IOException, InterruptedException {
        Instant started = clock.instant();
        String stage = "probe";
        BatchResolution batch = null;
        Integer repeat = null;
        try {
            if (cell.batch().isLargest()) {
                if (knownBatch != null) {
                    BatchResolution p = prober.predictOnly(cell);
                    batch = new BatchResolution(cell.batch(), p.predicted(), p.predictionNote(), knownBatch, "reused",
                            null);
                } else {
                    events.stage(stage);
                    batch = prober.resolve(cell);
                }
            } else {
                batch = prober.predictOnly(cell);
            }
            if (batch.resolved() == null) {
                throw CellFailure.outOfMemory(cell, "no batch size fits, not even 1 (tried " + batch.attempts().stream()
                        .map(a -> Integer.toString(a.batch())).toList() + ")", null);
            }
            int b = batch.resolved();
            int batches = protocol.batchesFor(b);
            int warmup = protocol.warmupBatchesFor(b);
            if (warmup > 0) {
                stage = "warmup";
                events.stage(stage);
                RunPlan plan = new RunPlan(RunPlan.Purpose.WARMUP, b, warmup, cell.input(), cell.output(), false, false);
                check(cell, plan, executor.execute(cell, plan));
            }
            for (int r = 0; r < stamp.repeats(); r++) {
                if (repeatsDone.contains(r)) continue;
                repeat = r;
                Instant repeatStart = clock.instant();
                stage = "prefill";
                events.stage("repeat " + r + " prefill");
                RunPlan prefillPlan = new RunPlan(RunPlan.Purpose.PREFILL, b, batches, cell.input(), 1, true, false);
                CellRun prefill = check(cell, prefillPlan, executor.execute(cell, prefillPlan));
                stage = "full";
                events.stage("repeat " + r + " full");
                RunPlan fullPlan = new RunPlan(RunPlan.Purpose.FULL, b, batches, cell.input(), cell.output(), true,
                        protocol.phaseWindows());
                CellRun full = check(cell, fullPlan, executor.execute(cell, fullPlan));
                RepeatMeasurement m = MeasurementDeriver.derive(prefillPlan, prefill, fullPlan, full, stamp.idle(), warmup);
                sink.accept(record(index, cell, r, batch, m, repeatStart));
                events.repeatDone();
            }
            return false;
        } catch (CellFailure f) {
            sink.accept(failure(index, cell, batch, stage, repeat, f.kind().name(), f.getMessage(),
                    f.getCause() == null ? null : f.getCause().getClass().getName(), started));
            return true;
        } catch (RuntimeException e) {
            // An executor bug or an engine exception it did not map: record it and go on with the next cell.
            sink.accept(failure(index, cell, batch, stage, repeat, CellFailure.Kind.ENGINE_ERROR.name(),
                    String.valueOf(e.getMessage()), e.getClass().getName(), started));
            return true;
        }
    }

    /**
     * @param starts  how many times sweeps started the cell without finishing it
     * @param retries the retries allowed, for the message
     * @return the failure record of a cell the sweep process died in
     */
    ResultRecord crashed(int index, Cell cell, int starts, int retries) {
        String message = "the sweep process died inside this cell " + (starts == 1 ? "once" : starts + " times")
                + " (killed for memory, by SIGKILL, or a power cut: nothing was recorded); skipped so the sweep goes on."
                + (retries == 0 ? " Resume with --retry-crashed to try it once more" : "");
        return failure(index, cell, null, "started", null, CellFailure.Kind.CRASHED.name(), message, null,
                clock.instant());
    }

    /** Rejects runs that break the plan: wrong counts, or readings that claim to be net of idle. */
    private static CellRun check(Cell cell, RunPlan plan, CellRun run) throws CellFailure {
        String problem = null;
        if (run == null) problem = "the executor returned no result";
        else if (run.examples() != plan.examples()) {
            problem = "ran " + run.examples() + " requests, the plan has " + plan.examples();
        } else if (run.inputTokens() != plan.plannedInputTokens()) {
            problem = "processed " + run.inputTokens() + " prompt tokens, the plan has " + plan.plannedInputTokens();
        } else if (run.outputTokens() != plan.plannedOutputTokens()) {
            problem = "generated " + run.outputTokens() + " tokens, the plan forces exactly " + plan.plannedOutputTokens();
        } else {
            for (EnergyFigure e : new EnergyFigure[] {run.energy(), run.prefillEnergy(), run.decodeEnergy()}) {
                if (e.isPresent() && e.provenance().netOfIdle()) {
                    problem = "returned an energy net of idle; the protocol expects gross readings";
                }
            }
        }
        if (problem != null) {
            throw new CellFailure(CellFailure.Kind.INVALID_RESULT, cell,
                    plan.purpose().name().toLowerCase(java.util.Locale.ROOT) + " run " + problem, null);
        }
        return run;
    }

    private ResultRecord record(int index, Cell cell, int repeat, BatchResolution batch, RepeatMeasurement m, Instant start) {
        return recordOf(index, cell, batch, start).measured(repeat, m);
    }

    private ResultRecord failure(int index, Cell cell, BatchResolution batch, String stage, Integer repeat, String kind,
                                 String message, String exception, Instant start) {
        FailureInfo info = new FailureInfo(kind, stage, batch == null ? null : batch.resolved(), repeat, message, exception);
        return recordOf(index, cell, batch, start).failed(info);
    }

    private ResultRecord.Builder recordOf(int index, Cell cell, BatchResolution batch, Instant start) {
        return ResultRecord.builder().setSpec(stamp.specHash(), stamp.specName()).setCell(index, cell)
                .setRepeats(stamp.repeats()).optBatch(batch).optIdle(stamp.idle()).optEnvironment(stamp.environment())
                .optShard(stamp.shard()).setTimes(start.toString(), clock.instant().toString());
    }
}

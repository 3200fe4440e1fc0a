package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.progress.ProgressListener;
import org.llmenergy.experiment.results.EnvironmentInfo;
import org.llmenergy.experiment.results.IdlePower;
import org.llmenergy.experiment.results.RecordStamp;
import org.llmenergy.experiment.results.ResultRecord;
import org.llmenergy.experiment.results.ResultsFile;
import org.llmenergy.experiment.results.ResultsIndex;
import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.results.ResultsWriter;
import org.llmenergy.experiment.results.StartMarker;
import org.llmenergy.experiment.results.StoredRecord;
import org.llmenergy.experiment.spec.Cell;
import org.llmenergy.experiment.spec.ExperimentJson;
import org.llmenergy.experiment.spec.Shard;
import org.llmenergy.experiment.spec.SweepSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a sweep (or one shard of it) into an append-only results file, one {@link CellProtocol} per cell, with
 * an idle baseline first and a cooldown between cells.
 *
 * <p>Resume: with {@link #resume(boolean)} the existing file is read first; cells that are finished (all
 * repeats, or a failure, recorded for this spec's hash) are skipped, and a partly measured cell runs only
 * its missing repeats (after a fresh warm-up). Without resume, a file that already holds records is an error,
 * so a second run cannot duplicate records by accident.
 *
 * <p>Crashes: before each cell the runner appends a {@link StartMarker}. On resume, a cell started more often
 * than {@link #retryCrashed(int)} allows without finishing is recorded as a {@link CellFailure.Kind#CRASHED}
 * failure and skipped, so a cell that gets the process killed (for memory, say) cannot stop the sweep for ever.
 *
 * <pre>{@code
 * SweepSpec spec = SpecReader.read(Path.of("fig2.json"));
 * try (Backend backend = Backends.create(spec)) {
 *     SweepSummary s = new SweepRunner(spec, backend).shard(Shard.parse("0/4")).resume(true)
 *             .progress(ConsoleProgress.onStderr()).run(Path.of("results.jsonl"));
 * }
 * }</pre>
 */
public final class SweepRunner {
    private final SweepSpec spec;
    private final Backend backend;
    private Shard shard = Shard.ALL;
    private boolean resume;
    private int retryCrashed;
    private long maxCells = SweepSpec.DEFAULT_MAX_CELLS;
    private ProgressListener progress = ProgressListener.NONE;
    private Sleeper sleeper = Sleeper.REAL;
    private EnvironmentCapture environment = EnvironmentCapture.ofThisMachine();
    private Clock clock = Clock.systemUTC();

    /**
     * @param spec    the sweep
     * @param backend executor, idle baseline and batch predictor
     */
    public SweepRunner(SweepSpec spec, Backend backend) {
        this.spec = spec;
        this.backend = backend;
    }

    /** @return this runner, set to run only {@code shard} */
    public SweepRunner shard(Shard shard) {
        this.shard = shard;
        return this;
    }

    /** @return this runner, set to continue an existing results file */
    public SweepRunner resume(boolean resume) {
        this.resume = resume;
        return this;
    }

    /**
     * @param times how many more times a cell that was started but never finished (the process died in it) is
     *              run again on resume before it is recorded as crashed; 0 (the default) records it at once
     * @return this runner
     */
    public SweepRunner retryCrashed(int times) {
        if (times < 0) throw new IllegalArgumentException("retries of crashed cells must be >= 0, got " + times);
        this.retryCrashed = times;
        return this;
    }

    /** @return this runner, refusing specs of more than {@code maxCells} cells */
    public SweepRunner maxCells(long maxCells) {
        this.maxCells = maxCells;
        return this;
    }

    /** @return this runner, reporting to {@code listener} */
    public SweepRunner progress(ProgressListener listener) {
        this.progress = listener;
        return this;
    }

    /** @return this runner, waiting through {@code sleeper} for cooldowns */
    public SweepRunner sleeper(Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    /** @return this runner, capturing the environment with {@code capture} */
    public SweepRunner environment(EnvironmentCapture capture) {
        this.environment = capture;
        return this;
    }

    /** @return this runner, stamping records from {@code clock} */
    public SweepRunner clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** A cell of this shard with the work left on it. */
    private record Pending(int index, Cell cell, Set<Integer> repeatsDone, Integer knownBatch, int starts,
                           boolean crashed) {}

    /**
     * @param out the results file
     * @return what was done
     * @throws IOException              when the results file cannot be read or written
     * @throws IllegalStateException    when {@code out} holds records but resume is off, or holds another
     *                                  spec's records
     * @throws InterruptedException     when interrupted
     */
    public SweepSummary run(Path out) throws IOException, InterruptedException {
        spec.requireAtMostCells(maxCells);
        String hash = spec.hash();
        List<Cell> cells = spec.expandCells();
        ResultsFile existing = java.nio.file.Files.exists(out) ? ResultsReader.read(out)
                : new ResultsFile(out.toString(), List.of(), List.of());
        if (!resume && !(existing.records().isEmpty() && existing.skipped().isEmpty())) {
            throw new IllegalStateException(out + " already holds " + existing.records().size() + " records"
                    + (existing.skipped().isEmpty() ? "" : " and " + existing.skipped().size() + " unreadable lines")
                    + "; pass --resume to continue that sweep, or choose another --out");
        }
        if (existing.records().isEmpty() && existing.markers().isEmpty() && !existing.skipped().isEmpty()) {
            // Not a results file (a spec, a binary, another program's output): appending would corrupt it.
            throw new IllegalStateException(out + " is not a results file: none of its lines is a results record ("
                    + existing.skipped().get(0) + "); refusing to append to it. Choose another --out");
        }
        for (StoredRecord r : existing.records()) {
            if (!r.specHash().equals(hash)) {
                throw new IllegalStateException(out + ":" + r.line() + ": holds a record of another spec (hash "
                        + r.specHash().substring(0, Math.min(12, r.specHash().length())) + "…, this spec is "
                        + hash.substring(0, 12) + "…); use another --out");
            }
        }
        ResultsIndex index = ResultsIndex.of(existing, hash);
        int repeats = spec.protocol().repeats();

        List<Pending> pending = new ArrayList<>();
        int inShard = 0;
        int skipped = 0;
        int repeatsToRun = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (!shard.contains(i)) continue;
            inShard++;
            Cell c = cells.get(i);
            if (index.finished(c.key(), repeats)) {
                skipped++;
                continue;
            }
            Set<Integer> done = new TreeSet<>(index.repeatsDone(c.key()));
            int starts = index.starts(c.key());
            boolean crashed = starts > retryCrashed;
            if (!crashed) {
                repeatsToRun += (int) java.util.stream.IntStream.range(0, repeats).filter(r -> !done.contains(r)).count();
            }
            pending.add(new Pending(i, c, done, index.resolvedBatch(c.key()), starts, crashed));
        }

        ProgressTracker tracker = new ProgressTracker(progress, inShard, skipped, repeatsToRun);
        int measured = 0;
        int failed = 0;
        int crashed = 0;
        int[] written = {0};
        if (!pending.isEmpty()) {
            try (ResultsWriter writer = ResultsWriter.open(out)) {
                EnvironmentInfo env = environment.capture(backend.executor().describe());
                tracker.stage("idle-baseline");
                IdlePower idle = idle();
                RecordStamp stamp = new RecordStamp(hash, spec.name(), repeats, idle, env, shard.toString());
                BatchProber prober = new BatchProber(backend.executor(), backend.batchPredictor(), spec.batchProbe());
                CellProtocol protocol = new CellProtocol(spec.protocol(), backend.executor(), prober, stamp, clock);
                boolean ranOne = false;
                for (int k = 0; k < pending.size(); k++) {
                    Pending p = pending.get(k);
                    if (p.crashed()) {
                        ResultRecord r = protocol.crashed(p.index(), p.cell(), p.starts(), retryCrashed);
                        append(writer, r, existing, written[0]);
                        written[0]++;
                        tracker.record(r);
                        crashed++;
                        failed++;
                        continue;
                    }
                    if (ranOne && spec.protocol().cooldownSeconds() > 0) {
                        tracker.stage("cooldown");
                        sleeper.sleep(spec.protocol().cooldownSeconds());
                    }
                    ranOne = true;
                    tracker.cell(p.cell().label());
                    // Synced before the cell runs: if the process dies inside it, resume knows where.
                    try {
                        writer.appendLine(ExperimentJson.mapper().writeValueAsBytes(
                                StartMarker.of(hash, p.index(), p.cell(), shard.toString(), clock.instant().toString())));
                    } catch (IOException e) {
                        throw appendFailed(out, e, existing, written[0]);
                    }
                    int before = written[0];
                    boolean cellFailed = protocol.run(p.index(), p.cell(), p.repeatsDone(), p.knownBatch(), r -> {
                        append(writer, r, existing, written[0]);
                        written[0]++;
                        tracker.record(r);
                    }, tracker);
                    int recordedRepeats = written[0] - before - (cellFailed ? 1 : 0);
                    int left = repeats - p.repeatsDone().size() - recordedRepeats;
                    if (cellFailed) failed++;
                    else measured++;
                    tracker.cellDone(cellFailed, left);
                }
            }
        }
        tracker.done();
        return new SweepSummary(hash, shard, inShard, skipped, measured, failed, crashed, written[0], existing.skipped());
    }

    private static void append(ResultsWriter writer, ResultRecord r, ResultsFile existing, int written) throws IOException {
        try {
            writer.append(r);
        } catch (IOException e) {
            throw appendFailed(writer.file(), e, existing, written);
        }
    }

    /** A failed append (disk full, quota, file too large) names the file, what is safe, and how to go on. */
    private static IOException appendFailed(Path out, IOException e, ResultsFile existing, int written) {
        return new IOException(out + ": cannot append a record (" + e.getMessage() + "); the " + (existing.records().size()
                + written) + " records already in it are safe (" + written + " from this run). Free space, or move the"
                + " file to a disk with room, then rerun the same command with --resume to continue", e);
    }

    private IdlePower idle() throws InterruptedException {
        double seconds = spec.protocol().idleBaselineSeconds();
        if (seconds <= 0) return IdlePower.missing("protocol.idleBaselineSeconds is 0: no idle baseline measured");
        try {
            IdlePower p = backend.idleBaseline().measure(seconds);
            return p == null ? IdlePower.missing("the idle baseline returned nothing") : p;
        } catch (RuntimeException e) {
            return IdlePower.missing("idle baseline failed: " + e);
        }
    }
}

package org.llmenergy.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.llmenergy.experiment.protocol.Backend;
import org.llmenergy.experiment.protocol.Backends;
import org.llmenergy.experiment.spec.Cell;
import org.llmenergy.experiment.progress.ConsoleProgress;
import org.llmenergy.experiment.progress.ProgressListener;
import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.spec.Shard;
import org.llmenergy.experiment.results.SkippedLine;
import org.llmenergy.experiment.spec.SpecReader;
import org.llmenergy.experiment.protocol.SweepRunner;
import org.llmenergy.experiment.spec.SweepSpec;
import org.llmenergy.experiment.protocol.SweepSummary;
import org.llmenergy.io.CsvField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code llm-energy sweep <spec.json> --out <results.jsonl> [--shard i/n] [--resume]}. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a sweep spec: every cell measured with warm-up, repeats, cooldown and an idle baseline,",
                "appended record by record (fsync) to a JSON Lines results file."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every cell of the shard is measured", "1:an error stopped the sweep (message on stderr)",
                "2:bad command line", "3:the sweep ran to its end but some cells failed (failure records in --out)"})
final class SweepCommand implements Callable<Integer> {
    /** Exit code when the sweep finished but recorded failed cells. */
    static final int CELLS_FAILED = 3;

    @Parameters(index = "0", paramLabel = "<spec.json>", description = "the sweep spec (JSON)")
    Path spec;

    @Option(names = "--out", paramLabel = "<results.jsonl>", description = "results file to append to")
    Path out;

    @Option(names = "--shard", paramLabel = "i/n", defaultValue = "0/1",
            description = "run only cells whose index mod n is i (0-based; for Slurm job arrays), default ${DEFAULT-VALUE}")
    String shard;

    @Option(names = "--resume", description = "continue an existing results file: skip finished cells")
    boolean resume;

    @Option(names = "--retry-crashed", description = {"with --resume: run a cell the process died in (started,",
            "never finished, for example killed for memory) once more; without it such a cell is recorded as",
            "CRASHED and skipped"})
    boolean retryCrashed;

    @Option(names = "--max-cells", paramLabel = "N", defaultValue = "100000",
            description = "refuse a spec with more cells than N (default ${DEFAULT-VALUE}), so a typo in a grid cannot"
                    + " start days of work or fill memory")
    long maxCells;

    @Option(names = "--dry-run", description = "print the shard's cells and exit without running anything")
    boolean dryRun;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|csv",
            description = "output of --dry-run: text or csv, default ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|lines|none",
            description = "progress on stderr: auto (a bar on a terminal, lines otherwise), lines, none")
    String progress;

    @Override
    public Integer call() throws Exception {
        SweepSpec s = SpecReader.read(spec);
        Shard sh = Shard.parse(shard);
        s.requireAtMostCells(maxCells);
        if (dryRun) {
            printCells(s, sh, System.out);
            return 0;
        }
        if (out == null) throw new IllegalArgumentException("sweep needs --out <results.jsonl> (or --dry-run)");
        if (Files.exists(out) && Files.isSameFile(out, spec)) {
            throw new IllegalArgumentException("--out " + out + " is the spec itself; records would be appended to"
                    + " the spec. Choose a results file, for example --out results.jsonl");
        }
        SweepSummary summary;
        // SIGINT or SIGTERM ends the JVM through its shutdown hooks: say what is saved and how to go on.
        Thread onSignal = new Thread(() -> System.err.println("llm-energy: sweep stopped by a signal; "
                + savedRecords(out) + " records are saved in " + out + "; rerun the same command with --resume to"
                + " continue where it stopped"));
        Runtime.getRuntime().addShutdownHook(onSignal);
        try (Backend backend = Backends.create(s)) {
            summary = new SweepRunner(s, backend).shard(sh).resume(resume).retryCrashed(retryCrashed ? 1 : 0).maxCells(maxCells)
                    .progress(listener()).run(out);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException e) {
                // already shutting down: the hook reports
            }
        }
        for (SkippedLine line : summary.skippedLines()) System.err.println("llm-energy: " + line);
        System.out.printf("sweep %s (spec %s), shard %s: %d cells; %d already finished, %d measured, %d failed%s;"
                        + " %d records appended to %s%n", s.name(), summary.specHash().substring(0, 12), sh,
                summary.cellsInShard(), summary.cellsSkipped(), summary.cellsMeasured(), summary.cellsFailed(),
                summary.cellsCrashed() == 0 ? "" : " (" + summary.cellsCrashed() + " crashed earlier)",
                summary.recordsWritten(), out);
        if (summary.cellsFailed() > 0) {
            System.err.printf("llm-energy: %d of %d cells failed; see their failure records with"
                    + " `llm-energy results show %s`%n", summary.cellsFailed(), summary.cellsInShard(), out);
            return CELLS_FAILED;
        }
        return 0;
    }

    private static String savedRecords(Path out) {
        try {
            return Integer.toString(ResultsReader.read(out).records().size());
        } catch (IOException | RuntimeException e) {
            return "the";
        }
    }

    private ProgressListener listener() {
        return switch (progress) {
            case "auto" -> ConsoleProgress.onStderr();
            case "lines" -> new ConsoleProgress(System.err, false, 30);
            case "none" -> ProgressListener.NONE;
            default -> throw new IllegalArgumentException("--progress must be auto, lines or none, got '" + progress + "'");
        };
    }

    private void printCells(SweepSpec s, Shard sh, PrintStream o) {
        List<Cell> cells = s.expandCells();
        boolean csv = switch (format) {
            case "csv" -> true;
            case "text" -> false;
            default -> throw new IllegalArgumentException("--format must be text or csv, got '" + format + "'");
        };
        if (csv) o.println("index,model,device,dtype,options,decoding,batch,input,output,cell_key");
        int n = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (!sh.contains(i)) continue;
            Cell c = cells.get(i);
            n++;
            if (csv) {
                o.println(String.join(",", Integer.toString(i), c.model(), c.device().label(), c.dtype().label(),
                        CsvField.quote(c.options().key()), CsvField.quote(c.decoding().key()), c.batch().toString(),
                        Integer.toString(c.input()), Integer.toString(c.output()), CsvField.quote(c.key())));
            } else {
                o.printf("%5d  %s%n", i, c.key());
            }
        }
        if (!csv) o.printf("%d of %d cells in shard %s; spec hash %s%n", n, cells.size(), sh, s.hash());
    }
}

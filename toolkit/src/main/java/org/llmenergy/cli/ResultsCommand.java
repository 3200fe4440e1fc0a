package org.llmenergy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.llmenergy.experiment.spec.ExperimentJson;
import org.llmenergy.experiment.results.MergeSummary;
import org.llmenergy.experiment.results.ResultsFile;
import org.llmenergy.experiment.results.ResultsMerger;
import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.results.ResultsTable;
import org.llmenergy.experiment.results.SkippedLine;
import org.llmenergy.experiment.results.StoredRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

/** {@code llm-energy results merge|show}: work with sweep results files. */
@Command(name = "results", mixinStandardHelpOptions = true, description = "Merge and show sweep results files.",
        subcommands = {ResultsCommand.Merge.class, ResultsCommand.Show.class, ResultsCommand.ImportCodeCarbon.class})
final class ResultsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(System.out); }

    /** {@code results merge <out> <in>...}. */
    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = {"Merge results files (for example the shards of a Slurm array) into one, dropping",
                    "duplicate records (same spec hash, cell and repeat) and sorting by cell."})
    static final class Merge implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<out>", description = "merged file (may also be an input)")
        Path out;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "<in>", description = "results files to merge")
        List<Path> inputs;

        @Override
        public Integer call() throws Exception {
            MergeSummary s = ResultsMerger.merge(out, inputs);
            for (SkippedLine line : s.skipped()) System.err.println("llm-energy: " + line);
            System.out.printf("merged %d records from %d files into %s (%d duplicates dropped, %d lines skipped)%n",
                    s.recordsOut(), inputs.size(), out, s.duplicates(), s.skipped().size());
            return 0;
        }
    }

    /** {@code results show <file>... [--format text|csv|json]}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show results as a table: text (selected columns), csv (every column) or json (the records).")
    static final class Show implements Callable<Integer> {
        private static final List<String> SUMMARY = List.of("type", "cellIndex", "cell.model", "cell.decoding.strategy",
                "cell.input", "cell.output", "batch.resolved", "repeat",
                "measurement.energy.total.gross.per1024J", "measurement.energy.prefill.gross.per1024J",
                "measurement.energy.decode.gross.per1024J", "measurement.throughput.outputTokensPerS", "failure.kind");

        @Parameters(arity = "1..*", paramLabel = "<file>", description = "results files")
        List<Path> files;

        @Option(names = "--format", defaultValue = "text", paramLabel = "text|csv|json",
                description = "text, csv or json, default ${DEFAULT-VALUE}")
        String format;

        @Option(names = "--columns", split = ",", paramLabel = "a,b,...",
                description = "columns to show (dotted names); default: a summary for text, all for csv")
        List<String> columns;

        @Override
        public Integer call() throws Exception {
            List<StoredRecord> records = new ArrayList<>();
            for (Path f : files) {
                ResultsFile rf = ResultsReader.read(f);
                for (SkippedLine line : rf.skipped()) System.err.println("llm-energy: " + line);
                records.addAll(rf.records());
            }
            switch (format) {
                case "json" -> {
                    ArrayNode array = ExperimentJson.mapper().createArrayNode();
                    records.forEach(r -> array.add(r.json()));
                    System.out.println(ExperimentJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
                }
                case "csv", "text" -> {
                    Table table = ResultsTable.of("results", records.stream().map(StoredRecord::json).toList());
                    Table shown = columns != null ? select(table, columns, true)
                            : select(table, format.equals("text") ? SUMMARY : null, false);
                    if (format.equals("csv")) {
                        Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                        shown.write().csv(w);
                        w.flush();
                    } else {
                        System.out.println(shown.rowCount() == 0 ? "no records" : shown.printAll());
                    }
                }
                default -> throw new IllegalArgumentException("--format must be text, csv or json, got '" + format + "'");
            }
            return 0;
        }

        /** Keeps the wanted columns; asked-for columns must exist, the default summary takes what exists. */
        private static Table select(Table table, List<String> wanted, boolean strict) {
            if (wanted == null || table.columnCount() == 0) return table;
            List<String> present = wanted.stream().filter(table.columnNames()::contains).toList();
            if (strict && present.size() < wanted.size()) {
                List<String> missing = wanted.stream().filter(c -> !present.contains(c)).toList();
                throw new IllegalArgumentException("--columns: no column " + missing + " in the results (columns are"
                        + " dotted field names, for example measurement.energy.total.gross.per1024J)");
            }
            return table.selectColumns(present.toArray(String[]::new));
        }
    }

    /** {@code results import-codecarbon <emissions.csv> --out <results.jsonl>}. */
    @Command(name = "import-codecarbon", mixinStandardHelpOptions = true,
            description = {"Read CodeCarbon emissions.csv rows into a results file as labelled external measurements",
                    "(type 'external'; rows already imported are skipped). Each record lists what CodeCarbon does not say."})
    static final class ImportCodeCarbon implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<emissions.csv>", description = "a CodeCarbon emissions.csv")
        Path csv;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "results file (JSON Lines) to append to")
        Path out;

        @Override
        public Integer call() throws Exception {
            CodeCarbonImport.Summary s = CodeCarbonImport.run(csv, out);
            System.out.printf("imported %d CodeCarbon rows from %s into %s as external measurements (%d already there)%n",
                    s.imported(), csv, out, s.alreadyPresent());
            return 0;
        }
    }
}

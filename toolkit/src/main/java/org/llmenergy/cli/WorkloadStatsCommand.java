package org.llmenergy.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.llmenergy.data.DatasetCatalog;
import org.llmenergy.data.DatasetEntry;
import org.llmenergy.io.Json;
import org.llmenergy.workload.Binning;
import org.llmenergy.workload.ExpectationReport;
import org.llmenergy.workload.ExpectedLengthStats;
import org.llmenergy.workload.LengthStats;
import org.llmenergy.workload.PaperTables;
import org.llmenergy.workload.StatComparison;
import org.llmenergy.workload.TraceProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code llm-energy workload stats}: input and output length statistics (the paper's Tables 1–2). */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Input and output length statistics of a trace: count, mean, sample std, median, 99th "
                + "percentile (linear interpolation, numpy's default), min, max.",
                "With --expect, compares them with the paper's Tables 1-2 (or a JSON file) and exits 1 when any "
                        + "differs by more than the rounding of the printed value."})
final class WorkloadStatsCommand implements Callable<Integer> {
    @Mixin
    TraceArguments trace;

    @Mixin
    FormatOption output;

    @Option(names = "--expect", paramLabel = "paper|paper:<row>|<file.json>",
            description = "paper (row chosen from the trace's name), paper:burstgpt|azure-chat|azure-code, or a JSON file.")
    String expect;

    @Override
    public Integer call() throws Exception {
        ExpectedLengthStats expected = expect == null ? null : expectation(expect, trace.trace);
        TraceProfile profile = TraceProfile.of(trace.open(), Binning.paper());
        LengthStats in = profile.inputStats();
        LengthStats out = profile.outputStats();
        ExpectationReport report = expected == null ? null : expected.compare(in, out);
        PrintStream stdout = System.out;
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("trace", profile.source());
            json.put("path", profile.path().toString());
            json.put("format", profile.format().label());
            json.put("rows", profile.read().rows());
            json.put("droppedFailed", profile.read().droppedFailed());
            json.put("percentileMethod", "linear (numpy default, Hyndman-Fan type 7)");
            json.put("stdDivisor", "n-1");
            json.put("input", statsJson(in));
            json.put("output", statsJson(out));
            if (report != null) json.put("expectation", reportJson(report));
            stdout.println(Json.pretty().writeValueAsString(json));
        } else if (output.csv()) {
            stdout.println("lengths,count,mean,std,median,p99,min,max");
            stdout.println(statsCsv("input", in));
            stdout.println(statsCsv("output", out));
            if (report != null) printReport(System.err, report);
        } else {
            stdout.println(profile.source() + " (" + profile.format().label() + ", " + profile.path() + ")");
            stdout.println("requests: " + profile.read().requests() + (profile.read().droppedFailed() > 0
                    ? " (" + profile.read().rows() + " rows, " + profile.read().droppedFailed() + " failed dropped)" : ""));
            stdout.printf(Locale.ROOT, "%-8s %10s %10s %10s %8s %8s %6s %7s%n", "lengths", "count", "mean", "std",
                    "median", "p99", "min", "max");
            statsLine(stdout, "input", in);
            statsLine(stdout, "output", out);
            stdout.println("(std: sample, divisor n-1; percentiles: linear interpolation, numpy's default)");
            if (report != null) printReport(stdout, report);
        }
        stdout.flush();
        if (report != null && !report.passed()) {
            System.err.println("llm-energy: " + report.failures().size() + " of " + report.comparisons().size()
                    + " statistics differ from " + report.expectation() + " beyond the rounding of the printed values");
            return 1;
        }
        return 0;
    }

    static ExpectedLengthStats expectation(String expect, String trace) {
        if (expect.equals("paper")) {
            // the catalog names the paper's traces; a file it does not list gets no guessed row
            return DatasetCatalog.load().findTrace(trace).map(DatasetEntry::paperName).flatMap(PaperTables::forPaperName)
                    .orElseThrow(() -> new IllegalArgumentException("cannot tell which row of the paper's Tables 1-2 '"
                            + trace + "' is: it is not one of the catalog's paper traces (by id or upstream file name);"
                            + " use --expect paper:burstgpt, paper:azure-chat or paper:azure-code"));
        }
        if (expect.startsWith("paper:")) return PaperTables.row(expect);
        Path file = Path.of(expect);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--expect " + expect + ": not 'paper', 'paper:<row>' or an existing JSON file");
        }
        return ExpectedLengthStats.fromJson(file);
    }

    private static Map<String, Object> statsJson(LengthStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", s.count());
        m.put("mean", Numbers.json(s.mean()));
        m.put("std", Numbers.json(s.std()));
        m.put("median", s.median());
        m.put("p99", s.p99());
        m.put("min", s.min());
        m.put("max", s.max());
        return m;
    }

    private static String statsCsv(String label, LengthStats s) {
        return String.join(",", label, Long.toString(s.count()), Numbers.csv(s.mean()), Numbers.csv(s.std()),
                Numbers.csv(s.median()), Numbers.csv(s.p99()), Integer.toString(s.min()), Integer.toString(s.max()));
    }

    private static void statsLine(PrintStream out, String label, LengthStats s) {
        out.printf(Locale.ROOT, "%-8s %10d %10s %10s %8s %8s %6d %7d%n", label, s.count(), Numbers.compact(s.mean(), 2),
                Numbers.compact(s.std(), 2), Numbers.compact(s.median(), 2), Numbers.compact(s.p99(), 2), s.min(), s.max());
    }

    private static Map<String, Object> reportJson(ExpectationReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.expectation());
        m.put("citation", r.citation());
        m.put("passed", r.passed());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StatComparison c : r.comparisons()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("lengths", c.lengths());
            row.put("statistic", c.statistic());
            row.put("expected", c.expected());
            row.put("measured", Numbers.json(c.measured()));
            row.put("tolerance", c.tolerance());
            row.put("withinTolerance", c.withinTolerance());
            rows.add(row);
        }
        m.put("comparisons", rows);
        return m;
    }

    private static void printReport(PrintStream out, ExpectationReport r) {
        out.println("compared with " + r.expectation() + " (" + r.citation() + "):");
        out.printf(Locale.ROOT, "%-8s %-9s %10s %10s %11s %9s  %s%n", "lengths", "statistic", "expected", "measured",
                "difference", "tolerance", "result");
        for (StatComparison c : r.comparisons()) {
            out.printf(Locale.ROOT, "%-8s %-9s %10s %10s %11s %9s  %s%n", c.lengths(), c.statistic(),
                    Numbers.compact(c.expected(), 2), Numbers.compact(c.measured(), 2),
                    String.format(Locale.ROOT, "%+.3f", c.difference()), Numbers.compact(c.tolerance(), 3),
                    c.withinTolerance() ? "ok" : "DIFFERS");
        }
    }
}

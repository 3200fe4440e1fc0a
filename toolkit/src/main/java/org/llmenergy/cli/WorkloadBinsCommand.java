package org.llmenergy.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.llmenergy.io.Json;
import org.llmenergy.workload.BinCount;
import org.llmenergy.workload.BinCounter;
import org.llmenergy.workload.BinnedWorkload;
import org.llmenergy.workload.Binning;
import org.llmenergy.workload.OverflowCounts;
import org.llmenergy.workload.OverflowPolicy;
import org.llmenergy.workload.ReadSummary;
import org.llmenergy.workload.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code llm-energy workload bins}: requests per (input bin, output bin), the paper's N_real(I*, O*). */
@Command(name = "bins", mixinStandardHelpOptions = true,
        description = {"Requests per (input bin, output bin) under ceiling binning (Fernandez et al. 2025, §4.2).",
                "--format csv prints exactly input_bin,output_bin,requests and one row per non-empty bin; "
                        + "overflowing requests are reported on stderr (csv), in a field (json) or a line (text)."})
final class WorkloadBinsCommand implements Callable<Integer> {
    @Mixin
    TraceArguments trace;

    @Mixin
    FormatOption output;

    @Option(names = "--bins", paramLabel = "paper|figure7", defaultValue = "paper",
            description = "Named bin set: paper (default) or figure7 (no 64-token output bin).")
    String bins;

    @Option(names = "--input-bins", split = ",", paramLabel = "<edge>", description = "Input bin edges, tokens, ascending.")
    List<Integer> inputBins;

    @Option(names = "--output-bins", split = ",", paramLabel = "<edge>", description = "Output bin edges, tokens, ascending.")
    List<Integer> outputBins;

    @Option(names = "--overflow", paramLabel = "exclude|clip", defaultValue = "exclude",
            description = "Requests above the largest bin: exclude (default, as the paper) or clip into it.")
    String overflow;

    @Override
    public Integer call() throws Exception {
        Binning binning = Binning.named(bins);
        if (inputBins != null) binning = binning.withInputEdges(inputBins);
        if (outputBins != null) binning = binning.withOutputEdges(outputBins);
        binning = binning.withOverflow(OverflowPolicy.fromLabel(overflow));
        Trace t = trace.open();
        BinCounter counter = binning.newCounter();
        ReadSummary read = t.read(counter).requireRequests(t.path()); // as workload stats does
        BinnedWorkload w = counter.result();
        PrintStream out = System.out;
        if (output.csv()) {
            out.print(w.toCsv());
            out.flush();
            System.err.println(overflowLine(w, read));
        } else if (output.json()) {
            out.println(Json.pretty().writeValueAsString(json(t, read, w)));
        } else {
            human(out, t, read, w);
        }
        return 0;
    }

    static String overflowLine(BinnedWorkload w, ReadSummary read) {
        OverflowCounts o = w.overflow();
        Binning b = w.binning();
        int maxIn = b.inputEdges().get(b.inputEdges().size() - 1);
        int maxOut = b.outputEdges().get(b.outputEdges().size() - 1);
        String verb = b.overflow() == OverflowPolicy.EXCLUDE ? "excluded" : "clipped";
        String line = String.format(Locale.ROOT, "%s %d of %d requests (input > %d only: %d, output > %d only: %d, both: %d)",
                verb, o.total(), read.requests(), maxIn, o.inputOnly(), maxOut, o.outputOnly(), o.both());
        if (read.droppedFailed() > 0) line += "; " + read.droppedFailed() + " failed requests dropped before binning";
        return line;
    }

    private static Map<String, Object> json(Trace t, ReadSummary read, BinnedWorkload w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trace", t.source());
        m.put("path", t.path().toString());
        m.put("format", t.format().label());
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", w.binning().name());
        b.put("inputEdges", w.binning().inputEdges());
        b.put("outputEdges", w.binning().outputEdges());
        b.put("overflow", w.binning().overflow().label());
        m.put("binning", b);
        m.put("rows", read.rows());
        m.put("droppedFailed", read.droppedFailed());
        m.put("binned", w.total());
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("inputOnly", w.overflow().inputOnly());
        o.put("outputOnly", w.overflow().outputOnly());
        o.put("both", w.overflow().both());
        o.put("total", w.overflow().total());
        m.put(w.binning().overflow() == OverflowPolicy.EXCLUDE ? "excluded" : "clipped", o);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BinCount c : w.counts()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("input_bin", c.inputBin());
            r.put("output_bin", c.outputBin());
            r.put("requests", c.requests());
            rows.add(r);
        }
        m.put("bins", rows);
        return m;
    }

    private static void human(PrintStream out, Trace t, ReadSummary read, BinnedWorkload w) {
        out.println(t.source() + " (" + t.format().label() + ", " + t.path() + ")");
        out.println("binning: " + w.binning());
        List<Integer> ins = w.binning().inputEdges();
        List<Integer> outs = w.binning().outputEdges();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-10s", "input\\out"));
        for (int o : outs) head.append(String.format(Locale.ROOT, " %9d", o));
        head.append(String.format(Locale.ROOT, " %10s", "total"));
        out.println(head);
        Map<Integer, Long> rowTotals = w.inputTotals();
        for (int i : ins) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10d", i));
            for (int o : outs) line.append(String.format(Locale.ROOT, " %9d", w.count(i, o)));
            line.append(String.format(Locale.ROOT, " %10d", rowTotals.get(i)));
            out.println(line);
        }
        StringBuilder totals = new StringBuilder(String.format(Locale.ROOT, "%-10s", "total"));
        for (long v : w.outputTotals().values()) totals.append(String.format(Locale.ROOT, " %9d", v));
        totals.append(String.format(Locale.ROOT, " %10d", w.total()));
        out.println(totals);
        out.println(overflowLine(w, read));
    }
}

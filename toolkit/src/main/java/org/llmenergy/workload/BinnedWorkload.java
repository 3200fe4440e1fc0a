package org.llmenergy.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * A trace reduced to request counts per (input bin, output bin): N_real(I*, O*) of the paper's estimator
 * (Fernandez et al. 2025, §4.2), with the requests that overflowed the largest bins counted by reason.
 * Immutable.
 */
public final class BinnedWorkload {
    /** The CSV header of {@link #toCsv()} and of {@code llm-energy workload bins --format csv}. */
    public static final String CSV_HEADER = "input_bin,output_bin,requests";

    private final Binning binning;
    private final long[] counts;
    private final OverflowCounts overflow;
    private final long total;

    BinnedWorkload(Binning binning, long[] counts, OverflowCounts overflow) {
        this.binning = binning;
        this.counts = counts;
        this.overflow = overflow;
        long t = 0;
        for (long c : counts) t += c;
        this.total = t;
    }

    /** @return the bins used */
    public Binning binning() { return binning; }

    /** @return the requests in bins (clipped ones included, excluded ones not) */
    public long total() { return total; }

    /** @return requests above the largest bins, by reason (excluded or clipped, as {@link #binning()} says) */
    public OverflowCounts overflow() { return overflow; }

    /** @return requests left out (overflow under {@link OverflowPolicy#EXCLUDE}; 0 under CLIP) */
    public long excluded() { return binning.overflow() == OverflowPolicy.EXCLUDE ? overflow.total() : 0; }

    /** @return requests moved into the largest bins (overflow under {@link OverflowPolicy#CLIP}; 0 under EXCLUDE) */
    public long clipped() { return binning.overflow() == OverflowPolicy.CLIP ? overflow.total() : 0; }

    /** @return every request the binning saw: {@link #total()} + {@link #excluded()} */
    public long requestsSeen() { return total + excluded(); }

    /**
     * @param inputBin  an input edge I*, tokens
     * @param outputBin an output edge O*, tokens
     * @return N(I*, O*), 0 for an empty bin
     * @throws IllegalArgumentException when either is not an edge of {@link #binning()}
     */
    public long count(int inputBin, int outputBin) {
        int i = binning.inputEdges().indexOf(inputBin);
        int o = binning.outputEdges().indexOf(outputBin);
        if (i < 0 || o < 0) {
            throw new IllegalArgumentException("(" + inputBin + ", " + outputBin + ") is not a bin of " + binning);
        }
        return counts[i * binning.outputCount() + o];
    }

    /** @return the non-empty bins, sorted by input bin then output bin */
    public List<BinCount> counts() {
        List<BinCount> out = new ArrayList<>();
        int outputs = binning.outputCount();
        for (int i = 0; i < binning.inputCount(); i++) {
            for (int o = 0; o < outputs; o++) {
                long c = counts[i * outputs + o];
                if (c > 0) out.add(new BinCount(binning.inputEdge(i), binning.outputEdge(o), c));
            }
        }
        return out;
    }

    /** @return requests per input bin (every edge, ascending, zeros included) */
    public Map<Integer, Long> inputTotals() {
        Map<Integer, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < binning.inputCount(); i++) {
            long s = 0;
            for (int o = 0; o < binning.outputCount(); o++) s += counts[i * binning.outputCount() + o];
            m.put(binning.inputEdge(i), s);
        }
        return m;
    }

    /** @return requests per output bin (every edge, ascending, zeros included) */
    public Map<Integer, Long> outputTotals() {
        Map<Integer, Long> m = new LinkedHashMap<>();
        for (int o = 0; o < binning.outputCount(); o++) {
            long s = 0;
            for (int i = 0; i < binning.inputCount(); i++) s += counts[i * binning.outputCount() + o];
            m.put(binning.outputEdge(o), s);
        }
        return m;
    }

    /**
     * @return the binned input CDF: at each input edge, the fraction of binned requests whose input bin is
     *         ≤ it (reaches 1 at the last edge, as in the paper's Figure 7, which drops excluded requests)
     */
    public List<CdfPoint> inputCdf() { return cdf(inputTotals()); }

    /** @return the binned output CDF, as {@link #inputCdf()} */
    public List<CdfPoint> outputCdf() { return cdf(outputTotals()); }

    private List<CdfPoint> cdf(Map<Integer, Long> totals) {
        List<CdfPoint> out = new ArrayList<>(totals.size());
        long run = 0;
        for (Map.Entry<Integer, Long> e : totals.entrySet()) {
            run += e.getValue();
            out.add(new CdfPoint(e.getKey(), total == 0 ? Double.NaN : (double) run / total));
        }
        return out;
    }

    /** @return the non-empty bins as a table with columns input_bin, output_bin, requests */
    public Table toTable() {
        List<BinCount> bins = counts();
        IntColumn in = IntColumn.create("input_bin");
        IntColumn out = IntColumn.create("output_bin");
        LongColumn n = LongColumn.create("requests");
        for (BinCount b : bins) {
            in.append(b.inputBin());
            out.append(b.outputBin());
            n.append(b.requests());
        }
        return Table.create("bins", in, out, n);
    }

    /** @return {@link #CSV_HEADER} and one line per non-empty bin, sorted by input then output bin */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (BinCount b : counts()) {
            sb.append(b.inputBin()).append(',').append(b.outputBin()).append(',').append(b.requests()).append('\n');
        }
        return sb.toString();
    }
}

package org.llmenergy.estimate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import org.llmenergy.workload.BinCount;
import org.llmenergy.workload.BinCountsCsv;
import org.llmenergy.workload.BinnedWorkload;
import org.llmenergy.workload.Binning;
import org.llmenergy.workload.LengthDistribution;
import org.llmenergy.workload.LengthPairCounts;
import org.llmenergy.workload.OverflowCounts;
import org.llmenergy.workload.OverflowPolicy;
import org.llmenergy.workload.ReadSummary;
import org.llmenergy.workload.Trace;

/**
 * What {@link WorkloadPricing} prices: request shapes (input, output) with counts, plus the requests already left
 * out before pricing (requests outside a bin grid), counted with their reasons. Every variant is counted in bounded
 * memory; a trace is read once.
 */
public sealed interface Workload {

    /** @return what the workload is, for output (a trace id, a file, {@code "512 x 256"}, ...) */
    String label();

    /** Visits each request shape once with its request count; the lengths priced are the ones visited. */
    void forEachShape(LengthPairCounts.PairVisitor visitor);

    /** @return requests left out before pricing, by reason (empty when none) */
    List<Exclusion> excluded();

    /** @return true when requests are priced at their bins' upper edges rather than at their own lengths */
    default boolean binned() { return false; }

    /**
     * A trace's requests at their exact lengths.
     *
     * @param counts   requests per distinct (input, output)
     * @param excluded requests left out on reading (failed ones dropped as asked), by reason
     * @param label    the trace
     */
    record ExactLengths(LengthPairCounts counts, List<Exclusion> excluded, String label) implements Workload {
        public ExactLengths {
            Objects.requireNonNull(counts, "counts");
            excluded = List.copyOf(excluded);
            Objects.requireNonNull(label, "label");
        }

        /** @return the counts with nothing left out */
        public ExactLengths(LengthPairCounts counts, String label) { this(counts, List.of(), label); }

        @Override
        public void forEachShape(LengthPairCounts.PairVisitor visitor) { counts.forEach(visitor); }
    }

    /**
     * Requests counted per (input bin, output bin), priced at the bins' upper edges (I*, O*) as the paper does
     * (Fernandez et al., ACL 2025, section 4.2).
     *
     * @param bins     requests per bin
     * @param excluded requests outside the grid, by reason
     * @param label    where the bins come from
     */
    record Bins(List<BinCount> bins, List<Exclusion> excluded, String label) implements Workload {
        public Bins {
            bins = List.copyOf(bins);
            excluded = List.copyOf(excluded);
            Objects.requireNonNull(label, "label");
            for (BinCount b : bins) {
                if (b.requests() < 0) {
                    throw new IllegalArgumentException(label + ": bin (" + b.inputBin() + ", " + b.outputBin()
                            + ") has a negative request count " + b.requests());
                }
            }
        }

        @Override
        public void forEachShape(LengthPairCounts.PairVisitor visitor) {
            for (BinCount b : bins) if (b.requests() > 0) visitor.visit(b.inputBin(), b.outputBin(), b.requests());
        }

        @Override
        public boolean binned() { return true; }
    }

    /**
     * One request shape repeated.
     *
     * @param input    prompt tokens (> 0)
     * @param output   generated tokens (> 0)
     * @param requests how many requests (> 0)
     */
    record Pair(int input, int output, long requests) implements Workload {
        public Pair {
            if (input <= 0 || output <= 0) {
                throw new IllegalArgumentException("input and output must be > 0 tokens, got " + input + ", " + output);
            }
            if (requests <= 0) throw new IllegalArgumentException("requests must be > 0, got " + requests);
        }

        @Override
        public String label() { return requests + " x (" + input + " in, " + output + " out)"; }

        @Override
        public void forEachShape(LengthPairCounts.PairVisitor visitor) { visitor.visit(input, output, requests); }

        @Override
        public List<Exclusion> excluded() { return List.of(); }
    }

    /**
     * An output-length histogram whose input lengths are not known (as in ML.ENERGY's files): every request is
     * assumed to have the same prompt length, which the pricing flags as an {@link EstimateFlag.Kind#ASSUMPTION}.
     *
     * @param outputs      the output-length distribution
     * @param assumedInput the prompt length assumed for every request, tokens (> 0)
     * @param inputSource  where the assumed length comes from (a citation, or "user")
     * @param label        the histogram
     */
    record OutputHistogram(LengthDistribution outputs, int assumedInput, String inputSource, String label) implements Workload {
        public OutputHistogram {
            Objects.requireNonNull(outputs, "outputs");
            Objects.requireNonNull(inputSource, "inputSource");
            Objects.requireNonNull(label, "label");
            if (assumedInput <= 0) throw new IllegalArgumentException("assumed input must be > 0 tokens, got " + assumedInput);
        }

        @Override
        public void forEachShape(LengthPairCounts.PairVisitor visitor) {
            int[] values = outputs.values();
            long[] counts = outputs.counts();
            for (int k = 0; k < values.length; k++) visitor.visit(assumedInput, values[k], counts[k]);
        }

        @Override
        public List<Exclusion> excluded() { return List.of(); }

        /** @return the flag every request of this workload carries */
        public EstimateFlag assumption() {
            return new EstimateFlag(EstimateFlag.Kind.ASSUMPTION, "input length " + assumedInput
                    + " tokens assumed for every request (" + inputSource + ")");
        }
    }

    /**
     * Reads a trace once into its distinct (input, output) counts.
     *
     * @param trace the trace
     * @return the workload at exact lengths
     * @throws org.llmenergy.workload.TraceFormatException on malformed input (nothing is returned)
     */
    static ExactLengths exactLengths(Trace trace) {
        LengthPairCounts counts = new LengthPairCounts();
        ReadSummary read = trace.read(counts);
        requireRequests(trace, read);
        return new ExactLengths(counts, dropped(read), trace.source());
    }

    /**
     * Reads a trace once into bins; requests above the grid are excluded and counted with their tokens, never
     * dropped silently (the binning's overflow policy is set to exclude).
     *
     * @param trace   the trace
     * @param binning the bins
     * @return the binned workload with its exclusions
     */
    static Bins binned(Trace trace, Binning binning) {
        Binning b = binning.withOverflow(OverflowPolicy.EXCLUDE);
        var counter = b.newCounter();
        long[] tally = new long[9];   // {requests, input tokens, output tokens} x {input only, output only, both}
        ReadSummary read = trace.read((in, out) -> {
            counter.accept(in, out);
            boolean overIn = b.inputBin(in) < 0;
            boolean overOut = b.outputBin(out) < 0;
            if (overIn || overOut) {
                int k = overIn && overOut ? 6 : overIn ? 0 : 3;
                tally[k]++;
                tally[k + 1] += in;
                tally[k + 2] += out;
            }
        });
        requireRequests(trace, read);
        BinnedWorkload w = counter.result();
        int maxIn = b.inputEdges().get(b.inputEdges().size() - 1);
        int maxOut = b.outputEdges().get(b.outputEdges().size() - 1);
        String[] reasons = overflowReasons(b, maxIn, maxOut);
        List<Exclusion> excluded = new ArrayList<>(dropped(read));
        for (int r = 0; r < 3; r++) {
            if (tally[3 * r] > 0) excluded.add(Exclusion.of(reasons[r], tally[3 * r], tally[3 * r + 1], tally[3 * r + 2]));
        }
        return new Bins(w.counts(), excluded, trace.source() + " (" + b.name() + " bins)");
    }

    /**
     * A workload already binned elsewhere (for example a {@code TraceProfile}); the overflow's tokens were not kept
     * there, so the exclusions carry request counts only.
     *
     * @param binned the bins with their overflow
     * @param label  where they come from
     * @return the workload
     */
    static Bins binned(BinnedWorkload binned, String label) {
        Binning b = binned.binning();
        List<Exclusion> excluded = new ArrayList<>();
        if (b.overflow() == OverflowPolicy.EXCLUDE) {
            OverflowCounts o = binned.overflow();
            int maxIn = b.inputEdges().get(b.inputEdges().size() - 1);
            int maxOut = b.outputEdges().get(b.outputEdges().size() - 1);
            String[] reasons = overflowReasons(b, maxIn, maxOut);
            long[] n = {o.inputOnly(), o.outputOnly(), o.both()};
            for (int r = 0; r < 3; r++) {
                if (n[r] > 0) excluded.add(new Exclusion(reasons[r], n[r], OptionalLong.empty(), OptionalLong.empty()));
            }
        }
        return new Bins(binned.counts(), excluded, label);
    }

    /**
     * @param file a bins CSV as {@code workload bins --format csv} writes it
     * @return its bins (the file lists no exclusions; {@code workload bins} reports them on stderr)
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException naming file, line and column of a bad row
     */
    static Bins binsCsv(Path file) throws IOException {
        return new Bins(BinCountsCsv.read(file), List.of(), file.toString());
    }

    private static String[] overflowReasons(Binning b, int maxIn, int maxOut) {
        String grid = String.format(Locale.ROOT, "outside the %s bin grid: ", b.name());
        return new String[] {
                grid + "input > " + maxIn + " tokens",
                grid + "output > " + maxOut + " tokens",
                grid + "input > " + maxIn + " and output > " + maxOut + " tokens"};
    }

    /** Failed requests the reader dropped as asked ({@code dropFailed}): counted, their prompts not kept. */
    private static List<Exclusion> dropped(ReadSummary read) {
        return read.droppedFailed() == 0 ? List.of() : List.of(new Exclusion("failed request (0 output tokens) dropped on"
                + " reading, as asked", read.droppedFailed(), OptionalLong.empty(), OptionalLong.of(0)));
    }

    private static void requireRequests(Trace trace, ReadSummary read) {
        if (read.requests() == 0) {
            throw new IllegalStateException(trace.path() + ": no requests" + (read.rows() > 0
                    ? " left after dropping " + read.droppedFailed() + " failed ones" : " (the file has only a header)"));
        }
    }
}

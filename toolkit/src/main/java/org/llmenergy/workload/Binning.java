package org.llmenergy.workload;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ceiling binning of Fernandez et al. (2025), §4.1–4.2: each request goes to the smallest input edge
 * ≥ its input length and the smallest output edge ≥ its output length (I* = min{I ∈ I_bins | I ≥ i}, O*
 * likewise); requests above the largest edge follow the {@link OverflowPolicy}. Immutable.
 *
 * <p>Lengths below the first edge go to the first bin (an output of 0 tokens goes to bin 8).
 */
public final class Binning {
    /** The paper's enumerated input edges, tokens (§4.2; the set-builder formula there would add 16 and 64). */
    public static final List<Integer> PAPER_INPUT_EDGES = List.of(32, 128, 256, 512, 1024, 2048, 4096, 8192);
    /** The paper's output edges {2^n | 3 ≤ n ≤ 9}, tokens (§4.2). */
    public static final List<Integer> PAPER_OUTPUT_EDGES = List.of(8, 16, 32, 64, 128, 256, 512);
    /** The output edges Figure 7's binned CDF shows: no step at 64 (read off the figure, paper-digest §3.3). */
    public static final List<Integer> FIGURE7_OUTPUT_EDGES = List.of(8, 16, 32, 128, 256, 512);

    private static final int TABLE_LIMIT = 1 << 16;

    private final String name;
    private final int[] inputEdges;
    private final int[] outputEdges;
    private final OverflowPolicy overflow;
    private final byte[] inputTable;
    private final byte[] outputTable;

    private Binning(String name, int[] inputEdges, int[] outputEdges, OverflowPolicy overflow) {
        this.name = name;
        this.inputEdges = check(inputEdges, "input");
        this.outputEdges = check(outputEdges, "output");
        this.overflow = overflow;
        this.inputTable = table(this.inputEdges);
        this.outputTable = table(this.outputEdges);
    }

    /** @return the paper's bins: input {32, 128, …, 8192}, output {8, 16, …, 512}, overflow excluded */
    public static Binning paper() {
        return new Binning("paper", ints(PAPER_INPUT_EDGES), ints(PAPER_OUTPUT_EDGES), OverflowPolicy.EXCLUDE);
    }

    /** @return the Figure 7 variant: the paper's input bins, output bins without 64, overflow excluded */
    public static Binning figure7() {
        return new Binning("figure7", ints(PAPER_INPUT_EDGES), ints(FIGURE7_OUTPUT_EDGES), OverflowPolicy.EXCLUDE);
    }

    /**
     * @param name {@code paper} or {@code figure7}
     * @return that binning
     */
    public static Binning named(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "paper" -> paper();
            case "figure7", "fig7" -> figure7();
            default -> throw new IllegalArgumentException("unknown binning '" + name + "'; known: paper, figure7");
        };
    }

    /**
     * @param inputEdges  input bin edges, tokens, strictly increasing, ≥ 1
     * @param outputEdges output bin edges, tokens, strictly increasing, ≥ 1
     * @return custom bins with overflow excluded
     */
    public static Binning of(List<Integer> inputEdges, List<Integer> outputEdges) {
        return new Binning("custom", ints(inputEdges), ints(outputEdges), OverflowPolicy.EXCLUDE);
    }

    /** @return these bins with another overflow policy */
    public Binning withOverflow(OverflowPolicy policy) { return new Binning(name, inputEdges, outputEdges, policy); }

    /** @return these bins with other input edges */
    public Binning withInputEdges(List<Integer> edges) { return new Binning("custom", ints(edges), outputEdges, overflow); }

    /** @return these bins with other output edges */
    public Binning withOutputEdges(List<Integer> edges) { return new Binning("custom", inputEdges, ints(edges), overflow); }

    private static int[] ints(List<Integer> l) { return l.stream().mapToInt(Integer::intValue).toArray(); }

    private static int[] check(int[] edges, String what) {
        if (edges.length == 0) throw new IllegalArgumentException(what + " bin edges are empty");
        if (edges.length > 127) throw new IllegalArgumentException("at most 127 " + what + " bin edges");
        for (int i = 0; i < edges.length; i++) {
            if (edges[i] < 1) throw new IllegalArgumentException(what + " bin edge " + edges[i] + " is not ≥ 1");
            if (i > 0 && edges[i] <= edges[i - 1]) {
                throw new IllegalArgumentException(what + " bin edges must increase strictly: " + Arrays.toString(edges));
            }
        }
        return edges.clone();
    }

    /** A length → bin-index table up to the largest edge, when small enough to be worth it. */
    private static byte[] table(int[] edges) {
        int max = edges[edges.length - 1];
        if (max >= TABLE_LIMIT) return null;
        byte[] t = new byte[max + 1];
        int b = 0;
        for (int v = 0; v <= max; v++) {
            while (edges[b] < v) b++;
            t[v] = (byte) b;
        }
        return t;
    }

    private static int index(int[] edges, byte[] table, int tokens) {
        if (tokens < 0) throw new IllegalArgumentException("a length cannot be negative: " + tokens);
        if (table != null) return tokens < table.length ? table[tokens] : -1;
        if (tokens > edges[edges.length - 1]) return -1;
        int i = Arrays.binarySearch(edges, tokens);
        return i >= 0 ? i : -i - 1;
    }

    /** @return the index of the input bin for {@code tokens}, or -1 when above the last edge */
    int inputIndex(int tokens) { return index(inputEdges, inputTable, tokens); }

    /** @return the index of the output bin for {@code tokens}, or -1 when above the last edge */
    int outputIndex(int tokens) { return index(outputEdges, outputTable, tokens); }

    /**
     * @param tokens an input length, tokens (≥ 0)
     * @return its input bin edge I*, tokens; under {@link OverflowPolicy#EXCLUDE} -1 when above the last
     *         edge, under {@link OverflowPolicy#CLIP} the last edge
     */
    public int inputBin(int tokens) { return edge(inputEdges, inputIndex(tokens)); }

    /** @return the output bin edge O* of {@code tokens}, as {@link #inputBin(int)} */
    public int outputBin(int tokens) { return edge(outputEdges, outputIndex(tokens)); }

    private int edge(int[] edges, int i) {
        if (i >= 0) return edges[i];
        return overflow == OverflowPolicy.CLIP ? edges[edges.length - 1] : -1;
    }

    /** @return a new streaming counter for these bins */
    public BinCounter newCounter() { return new BinCounter(this); }

    /** @return {@code paper}, {@code figure7} or {@code custom} */
    public String name() { return name; }

    /** @return the input edges, tokens, ascending */
    public List<Integer> inputEdges() { return Arrays.stream(inputEdges).boxed().toList(); }

    /** @return the output edges, tokens, ascending */
    public List<Integer> outputEdges() { return Arrays.stream(outputEdges).boxed().toList(); }

    int inputEdge(int i) { return inputEdges[i]; }

    int outputEdge(int i) { return outputEdges[i]; }

    int inputCount() { return inputEdges.length; }

    int outputCount() { return outputEdges.length; }

    /** @return what happens to requests above the largest edges */
    public OverflowPolicy overflow() { return overflow; }

    @Override
    public String toString() {
        return name + " (input " + join(inputEdges) + "; output " + join(outputEdges) + "; overflow " + overflow.label() + ")";
    }

    private static String join(int[] a) { return Arrays.stream(a).mapToObj(Integer::toString).collect(Collectors.joining(",")); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Binning b && Arrays.equals(inputEdges, b.inputEdges) && Arrays.equals(outputEdges, b.outputEdges)
                && overflow == b.overflow;
    }

    @Override
    public int hashCode() { return 31 * (31 * Arrays.hashCode(inputEdges) + Arrays.hashCode(outputEdges)) + overflow.hashCode(); }
}

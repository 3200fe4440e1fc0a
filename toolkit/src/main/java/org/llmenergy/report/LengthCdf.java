package org.llmenergy.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.llmenergy.workload.CdfPoint;

/**
 * The empirical and binned cumulative distributions of one token-length axis of a trace: the input of Figure 7.
 *
 * @param trace      the trace, for example {@code "azure-conv-2023"}
 * @param axis       {@code "input"} or {@code "output"}
 * @param empiricalX lengths, tokens, ascending
 * @param empiricalF fraction of requests with a length ≤ each of {@code empiricalX}
 * @param binnedX    bin edges, tokens, ascending
 * @param binnedF    fraction of binned requests whose bin is ≤ each edge
 */
public record LengthCdf(String trace, String axis, double[] empiricalX, double[] empiricalF, double[] binnedX, double[] binnedF) {
    /** Empirical CDFs longer than this are thinned for drawing (by log-spaced length, keeping every step's end). */
    public static final int MAX_DRAWN_POINTS = 4000;

    public LengthCdf {
        Objects.requireNonNull(trace, "trace");
        if (!axis.equals("input") && !axis.equals("output")) throw new IllegalArgumentException("axis must be input or output, got " + axis);
        if (empiricalX.length != empiricalF.length || binnedX.length != binnedF.length) {
            throw new IllegalArgumentException("CDF of " + trace + " " + axis + ": x and fraction arrays differ in length");
        }
        empiricalX = empiricalX.clone();
        empiricalF = empiricalF.clone();
        binnedX = binnedX.clone();
        binnedF = binnedF.clone();
    }

    /**
     * @param trace     the trace
     * @param axis      {@code "input"} or {@code "output"}
     * @param empirical the workload package's empirical CDF ({@code TraceProfile.inputCdf()})
     * @param binned    its binned CDF ({@code BinnedWorkload.inputCdf()})
     * @return the curves; lengths of 0 (which a log axis cannot show) are left out of the empirical curve but
     *         still count in its fractions
     */
    public static LengthCdf of(String trace, String axis, List<CdfPoint> empirical, List<CdfPoint> binned) {
        List<CdfPoint> drawn = thin(empirical.stream().filter(p -> p.tokens() > 0).toList());
        return new LengthCdf(trace, axis, drawn.stream().mapToDouble(CdfPoint::tokens).toArray(),
                drawn.stream().mapToDouble(CdfPoint::fraction).toArray(),
                binned.stream().mapToDouble(CdfPoint::tokens).toArray(), binned.stream().mapToDouble(CdfPoint::fraction).toArray());
    }

    private static List<CdfPoint> thin(List<CdfPoint> points) {
        if (points.size() <= MAX_DRAWN_POINTS) return points;
        double step = (Math.log(points.get(points.size() - 1).tokens()) - Math.log(points.get(0).tokens())) / MAX_DRAWN_POINTS;
        List<CdfPoint> out = new ArrayList<>();
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
            double l = Math.log(points.get(i).tokens());
            if (l - last >= step || i == points.size() - 1) {
                out.add(points.get(i));
                last = l;
            }
        }
        return out;
    }

    @Override
    public double[] empiricalX() { return empiricalX.clone(); }

    @Override
    public double[] empiricalF() { return empiricalF.clone(); }

    @Override
    public double[] binnedX() { return binnedX.clone(); }

    @Override
    public double[] binnedF() { return binnedF.clone(); }
}

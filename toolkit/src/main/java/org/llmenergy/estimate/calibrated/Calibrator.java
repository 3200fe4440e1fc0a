package org.llmenergy.estimate.calibrated;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.util.Pair;
import org.llmenergy.estimate.LengthMoments;

/**
 * Fits {@link CalibrationParameters} to measured configurations: the trainer half of Tribuo's split (fit once here,
 * evaluate many times through {@link #predict}).
 *
 * <p>Objective: robust (soft-L1 by iteratively reweighted least squares) sum of squared log ratios of predicted to
 * measured energy per output token, plus, at half weight, the log ratios of the batch, step time and power where
 * the source measured them (they pin time and power separately, which energy alone cannot). Parameters are fitted in
 * unconstrained form (logit for fractions, log for positive quantities) by Levenberg-Marquardt with a numerical
 * Jacobian; weak priors keep unidentified parameters near their starting values, and each task's prompt length has
 * the log-normal prior of {@link TaskInputs}.
 */
public final class Calibrator {
    private static final int PER_GPU = 6;
    private static final int SHARED = 10;
    private static final double AUX_WEIGHT = 0.5;
    private static final double ROBUST_SCALE = 0.3;
    private static final double WEAK_PRIOR_SIGMA = 10.0;
    private static final int REWEIGHTINGS = 4;
    /** Levenberg-Marquardt iterations per descent before the best point so far is taken. */
    private static final int MAX_ITERATIONS = 3_000;

    private final Function<String, GpuFacts> gpus;

    /** @param gpus the datasheet facts of a catalog GPU name */
    public Calibrator(Function<String, GpuFacts> gpus) { this.gpus = gpus; }

    /**
     * @param points measured configurations (at least as many as parameters)
     * @return the fitted parameters
     */
    public CalibrationParameters fit(List<CalibrationPoint> points) {
        Layout layout = new Layout(points);
        if (points.size() < layout.size()) {
            throw new IllegalArgumentException("calibration needs at least " + layout.size() + " configurations for "
                    + layout.size() + " parameters, got " + points.size());
        }
        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (double[] start : layout.starts()) {
            double[] x = descend(layout, start, points);
            double cost = 0;
            for (double r : residuals(layout, x, points, null)) cost += r * r;
            if (cost < bestCost) {
                bestCost = cost;
                best = x;
            }
        }
        return layout.decode(best);
    }

    /** Robust Levenberg-Marquardt from one starting point. */
    private double[] descend(Layout layout, double[] start, List<CalibrationPoint> points) {
        double[] x = start.clone();
        double[] weights = new double[layout.residualCount(points)];
        java.util.Arrays.fill(weights, 1.0);
        for (int round = 0; round < REWEIGHTINGS; round++) {
            double[] w = weights;
            double[][] best = {x.clone()};
            double[] bestCost = {Double.POSITIVE_INFINITY};
            MultivariateJacobianFunction f = point -> {
                double[] v = point.toArray();
                double[] r = residuals(layout, v, points, w);
                double cost = 0;
                for (double ri : r) cost += ri * ri;
                if (cost < bestCost[0]) {
                    bestCost[0] = cost;
                    best[0] = v.clone();
                }
                double[][] jac = new double[r.length][v.length];
                for (int j = 0; j < v.length; j++) {
                    double h = 1e-6 * Math.max(1, Math.abs(v[j]));
                    double[] vp = v.clone();
                    vp[j] += h;
                    double[] rp = residuals(layout, vp, points, w);
                    for (int i = 0; i < r.length; i++) jac[i][j] = (rp[i] - r[i]) / h;
                }
                return new Pair<>(new ArrayRealVector(r, false), new Array2DRowRealMatrix(jac, false));
            };
            LeastSquaresProblem problem = new LeastSquaresBuilder().start(x).model(f).target(new double[weights.length])
                    .maxEvaluations(MAX_ITERATIONS * 2).maxIterations(MAX_ITERATIONS).build();
            try {
                LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer()
                        .withCostRelativeTolerance(1e-12).withParameterRelativeTolerance(1e-12).optimize(problem);
                x = opt.getPoint().toArray();
            } catch (org.apache.commons.math3.exception.MathIllegalStateException e) {
                // Iteration cap reached in a flat valley: keep the best point evaluated rather than fail the fit.
                x = best[0];
            }
            double[] raw = residuals(layout, x, points, null);
            weights = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                weights[i] = i < layout.dataResiduals(points) ? Math.pow(1 + (raw[i] / ROBUST_SCALE) * (raw[i] / ROBUST_SCALE), -0.25) : 1.0;
            }
        }
        return x;
    }

    /**
     * The steady state the model predicts for a configuration, from what a user knows beforehand only.
     *
     * @param p      the configuration (its measurements are not read)
     * @param params fitted parameters
     * @return the predicted steady state
     */
    public SteadyState predict(CalibrationPoint p, CalibrationParameters params) {
        GpuFacts g = gpus.apply(p.gpu());
        StepModel.Hardware hw = new StepModel.Hardware(p.gpus(), g.peakFor(p.fp8Compute()), g.bandwidth(), g.linkBandwidth(),
                g.tdpWatts(), p.bytesPerWeight(), p.fp8Compute(), p.expertParallel());
        StepModel model = new StepModel(p.shape(), hw, params.forGpu(p.gpu()), params.shared());
        double input = params.inputTokens(p.task());
        LengthMoments w = new LengthMoments(1, input, p.meanOutput(), input * p.meanOutput(), p.meanOutputSquared());
        return SteadyState.of(model, g.memoryBytes(), p.maxNumSeqs(), w, params.shared());
    }

    private double[] residuals(Layout layout, double[] x, List<CalibrationPoint> points, double[] weights) {
        CalibrationParameters params = layout.decode(x);
        double[] r = new double[layout.residualCount(points)];
        int k = 0;
        for (CalibrationPoint p : points) {
            SteadyState s = predict(p, params);
            CalibrationPoint.Measured m = p.measured();
            r[k++] = Math.log(s.joulesPerOutputToken() / m.joulesPerOutputToken());
            r[k++] = m.avgBatch().isPresent() ? AUX_WEIGHT * Math.log(s.batch() / m.avgBatch().getAsDouble()) : 0;
            r[k++] = m.stepSeconds().isPresent() ? AUX_WEIGHT * Math.log(s.step().seconds() / m.stepSeconds().getAsDouble()) : 0;
            r[k++] = m.watts().isPresent() ? AUX_WEIGHT * Math.log(s.step().wattsPerGpu() * s.step().gpus() / m.watts().getAsDouble()) : 0;
        }
        double[] start = layout.start();
        for (int j = 0; j < x.length; j++) {
            boolean task = j >= layout.taskOffset();
            r[k++] = (x[j] - start[j]) / (task ? TaskInputs.PRIOR_LOG_SIGMA : WEAK_PRIOR_SIGMA);
        }
        if (weights != null) for (int i = 0; i < r.length; i++) r[i] *= weights[i];
        for (int i = 0; i < r.length; i++) if (!Double.isFinite(r[i])) r[i] = 1e3;
        return r;
    }

    /** Where each parameter sits in the unconstrained vector, and the transforms. */
    private static final class Layout {
        final List<String> gpuNames;
        final List<String> tasks;

        Layout(List<CalibrationPoint> points) {
            TreeSet<String> g = new TreeSet<>();
            TreeSet<String> t = new TreeSet<>();
            for (CalibrationPoint p : points) { g.add(p.gpu()); t.add(p.task()); }
            gpuNames = List.copyOf(g);
            tasks = List.copyOf(t);
        }

        int taskOffset() { return gpuNames.size() * PER_GPU + SHARED; }

        int size() { return taskOffset() + tasks.size(); }

        int dataResiduals(List<CalibrationPoint> points) { return 4 * points.size(); }

        int residualCount(List<CalibrationPoint> points) { return dataResiduals(points) + size(); }

        /**
         * Deterministic starting points: the default, and two with every per-GPU efficiency, overhead and power
         * fraction moved up and down (the fit has shallow valleys between time and power parameters). Shared
         * factors always start at their defaults, so one the data cannot identify (an fp8 factor without fp8 data)
         * stays at its neutral value.
         */
        List<double[]> starts() {
            double[] base = start();
            List<double[]> out = new ArrayList<>(List.of(base));
            for (double shift : new double[] {-0.7, 0.7}) {
                double[] x = base.clone();
                for (int j = 0; j < gpuNames.size() * PER_GPU; j++) x[j] += (j % 2 == 0 ? shift : -shift);
                out.add(x);
            }
            return out;
        }

        double[] start() {
            double[] x = new double[size()];
            for (int i = 0; i < gpuNames.size(); i++) {
                int o = i * PER_GPU;
                x[o] = 0.0;                 // compute efficiency 0.5
                x[o + 1] = 1.0;             // memory efficiency 0.73
                x[o + 2] = Math.log(2.0);   // 2 ms per step
                x[o + 3] = -1.0;            // idle 27 % of TDP
                x[o + 4] = Math.log(0.5);
                x[o + 5] = Math.log(0.3);
            }
            int s = gpuNames.size() * PER_GPU;
            x[s] = Math.log(20);            // 20 us per layer
            x[s + 1] = Math.log(10);        // 10 us per all-reduce
            x[s + 2] = 0;                   // link efficiency 1
            x[s + 3] = 0;                   // expert compute factor 1
            x[s + 4] = 0;                   // KV capacity factor 1
            x[s + 5] = Math.log(0.3);       // comm power 30 % of TDP
            x[s + 6] = 0;                   // KV bytes cost as much as weight bytes
            x[s + 7] = Math.log(10);        // 10 us per sequence
            x[s + 8] = 0;                   // all-to-all bytes cost as much as all-reduce bytes
            x[s + 9] = 0;                   // fp8 bytes cost as much as bf16 bytes (per byte)
            return x;                       // task corrections start at 0 (the assumption)
        }

        CalibrationParameters decode(double[] x) {
            Map<String, GpuParameters> g = new TreeMap<>();
            for (int i = 0; i < gpuNames.size(); i++) {
                int o = i * PER_GPU;
                g.put(gpuNames.get(i), new GpuParameters(logistic(x[o]), logistic(x[o + 1]), Math.exp(x[o + 2]) * 1e-3,
                        logistic(x[o + 3]), Math.exp(x[o + 4]), Math.exp(x[o + 5])));
            }
            int s = gpuNames.size() * PER_GPU;
            SharedParameters sh = new SharedParameters(Math.exp(x[s]) * 1e-6, Math.exp(x[s + 1]) * 1e-6, Math.exp(x[s + 2]),
                    Math.exp(x[s + 3]), Math.exp(x[s + 4]), Math.exp(x[s + 5]), Math.exp(x[s + 6]), Math.exp(x[s + 7]) * 1e-6,
                    Math.exp(x[s + 8]), Math.exp(x[s + 9]));
            Map<String, Double> t = new TreeMap<>();
            for (int i = 0; i < tasks.size(); i++) t.put(tasks.get(i), TaskInputs.assumed(tasks.get(i)) * Math.exp(x[taskOffset() + i]));
            return new CalibrationParameters(g, sh, t);
        }

        private static double logistic(double v) { return 1 / (1 + Math.exp(-v)); }
    }

    /** @return the per-configuration log ratios ln(predicted / measured) of energy per output token */
    public List<Double> logRatios(List<CalibrationPoint> points, CalibrationParameters params) {
        List<Double> out = new ArrayList<>();
        for (CalibrationPoint p : points) out.add(Math.log(predict(p, params).joulesPerOutputToken() / p.measured().joulesPerOutputToken()));
        return out;
    }
}

package org.llmenergy.serving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.llmenergy.estimate.calibrated.CalibratedModel;
import org.llmenergy.estimate.calibrated.CalibrationPoint;
import org.llmenergy.estimate.calibrated.Calibration;
import org.llmenergy.estimate.calibrated.Configuration;
import org.llmenergy.estimate.calibrated.Serving;
import org.llmenergy.estimate.calibrated.TaskInputs;
import org.llmenergy.estimate.calibrated.UnsupportedConfigurationException;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.model.ModelConfig;
import org.llmenergy.model.Precision;
import org.llmenergy.model.Presets;
import org.llmenergy.units.Interval;

/**
 * Replays ML.ENERGY configurations as they were run, a closed loop of {@code max_num_seqs} clients (each sends its next
 * request when the last one finishes; with every request queued at t = 0 the scheduler keeps exactly that many
 * running, memory allowing), and compares the simulated average batch, median ITL and J per output token with what was
 * measured. Prompts are the task's assumed length ({@link TaskInputs}); output lengths are drawn from a gamma law with
 * the file's mean and second moment (seeded), {@value #REQUESTS_PER_SLOT} requests per slot so that the final drain
 * is a small part of the run. The token budget is vLLM's server default for the GPU (raised to max_num_seqs when
 * smaller; ML.ENERGY does not publish its own).
 */
public final class ClosedLoopValidation {
    /** Requests simulated per max_num_seqs slot. */
    public static final int REQUESTS_PER_SLOT = 100;

    private ClosedLoopValidation() {}

    /**
     * One configuration.
     *
     * @param source                  file and index
     * @param model                   model id
     * @param gpu                     catalog GPU
     * @param tp                      GPUs per replica
     * @param maxNumSeqs              the batch limit
     * @param status                  ok or unsupported
     * @param reason                  why not simulated, or a note (null when none)
     * @param simulatedBatch          simulated average batch
     * @param measuredBatch           measured average batch (null when the file has none)
     * @param simulatedItlMs          simulated median inter-token latency, in ms
     * @param measuredItlMs           measured median inter-token latency, in ms (null when none)
     * @param simulatedJoulesPerToken simulated J per output token (with the calibration's 90 % interval)
     * @param low                     interval low end, in J
     * @param high                    interval high end, in J
     * @param measuredJoulesPerToken  measured J per output token
     */
    public record Row(String source, String model, String gpu, int tp, int maxNumSeqs, String status, String reason,
                      Double simulatedBatch, Double measuredBatch, Double simulatedItlMs, Double measuredItlMs,
                      Double simulatedJoulesPerToken, Double low, Double high, double measuredJoulesPerToken) {}

    /**
     * @param configurations configurations read by {@code MlEnergyPoints}
     * @param calibration    the calibration
     * @return one row per configuration, in input order
     */
    public static List<Row> run(List<Configuration> configurations, Calibration calibration) {
        List<Row> rows = new ArrayList<>();
        for (Configuration c : configurations) {
            if (c instanceof Configuration.Unsupported u) {
                rows.add(new Row(u.source(), u.modelId(), u.gpu(), u.tp(), u.maxNumSeqs(), "unsupported", u.reason(), null, null,
                        null, null, null, null, null, u.measuredJoulesPerToken()));
                continue;
            }
            CalibrationPoint p = ((Configuration.Supported) c).point();
            String problem = null;
            CalibratedModel model = null;
            Optional<ModelConfig> preset = Presets.names().contains(p.group()) ? Optional.of(Presets.get(p.group())) : Optional.empty();
            if (preset.isEmpty()) problem = "no preset for " + p.modelId() + ": the simulator needs the model's shape";
            Precision precision = precision(p);
            if (problem == null && precision == null) problem = "no precision of " + p.bytesPerWeight() + " bytes per weight";
            if (problem == null) {
                try {
                    model = CalibratedModel.builder().setModel(preset.get()).setGpu(GpuCatalog.builtIn().get(p.gpu()))
                            .optTensorParallel(p.gpus()).optExpertParallel(p.expertParallel()).optPrecision(precision)
                            .optServing(Serving.continuous(p.maxNumSeqs())).optCalibration(calibration)
                            .optGeneration(p.generation()).build();
                } catch (UnsupportedConfigurationException e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                rows.add(new Row(p.source(), p.modelId(), p.gpu(), p.gpus(), p.maxNumSeqs(), "unsupported", problem, null, null,
                        null, null, null, null, null, p.measured().joulesPerOutputToken()));
                continue;
            }
            SimulationResult r = simulate(model, p);
            Interval perToken = r.intervalFactors().around(r.totalJoules() / r.outputTokens());
            CalibrationPoint.Measured m = p.measured();
            rows.add(new Row(p.source(), p.modelId(), p.gpu(), p.gpus(), p.maxNumSeqs(), "ok",
                    TaskInputs.known(p.task()) ? null : "task '" + p.task() + "': prompt length " + TaskInputs.UNKNOWN_TASK_TOKENS + " assumed",
                    r.averageBatch(), m.avgBatch().isPresent() ? m.avgBatch().getAsDouble() : null, 1000 * r.itl().p50(),
                    m.medianItlMs().isPresent() ? m.medianItlMs().getAsDouble() : null, perToken.value(), perToken.low(),
                    perToken.high(), m.joulesPerOutputToken()));
        }
        return rows;
    }

    private static Precision precision(CalibrationPoint p) {
        if (p.fp8Compute()) return Precision.FP8;
        for (Precision x : new Precision[] {Precision.BF16, Precision.INT8, Precision.INT4, Precision.MXFP4, Precision.FP32}) {
            if (Math.abs(x.bytesPerElement() - p.bytesPerWeight()) < 1e-9) return x;
        }
        return null;
    }

    private static SimulationResult simulate(CalibratedModel model, CalibrationPoint p) {
        int input = (int) Math.round(TaskInputs.assumed(p.task()));
        double mean = p.meanOutput();
        double variance = Math.max(1e-9 * mean * mean, p.meanOutputSquared() - mean * mean);
        GammaDistribution lengths = new GammaDistribution(new Well19937c(42), mean * mean / variance, variance / mean);
        int maxOutput = (int) Math.max(1, Math.min(model.model().maxPositions() - input, model.kvCapacityTokens() - input));
        ServingSimulator.Run run = ServingSimulator.builder().setModel(model).optMaxBatchedTokens(Math.max(ServingSimulator.defaultMaxBatchedTokens(model.gpu()), p.maxNumSeqs()))
                .build().start();
        int n = REQUESTS_PER_SLOT * p.maxNumSeqs();
        for (int i = 0; i < n; i++) {
            int out = (int) Math.max(1, Math.min(maxOutput, Math.round(lengths.sample())));
            run.submit(0, input, out);
        }
        return run.finish();
    }

    /** @return counts and mean absolute percentage errors (percent) of batch, median ITL and J per token; coverage */
    public static Map<String, Object> summary(List<Row> rows) {
        List<Row> ok = rows.stream().filter(r -> r.status().equals("ok")).toList();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("configurations", rows.size());
        s.put("ok", ok.size());
        s.put("mape_joules_per_token_pct", mape(ok.stream().map(r -> new double[] {r.simulatedJoulesPerToken(), r.measuredJoulesPerToken()}).toList()));
        s.put("mape_avg_batch_pct", mape(ok.stream().filter(r -> r.measuredBatch() != null)
                .map(r -> new double[] {r.simulatedBatch(), r.measuredBatch()}).toList()));
        s.put("mape_median_itl_pct", mape(ok.stream().filter(r -> r.measuredItlMs() != null)
                .map(r -> new double[] {r.simulatedItlMs(), r.measuredItlMs()}).toList()));
        long inside = ok.stream().filter(r -> r.measuredJoulesPerToken() >= r.low() && r.measuredJoulesPerToken() <= r.high()).count();
        s.put("coverage_pct", ok.isEmpty() ? null : 100.0 * inside / ok.size());
        return s;
    }

    private static Double mape(List<double[]> pairs) {
        if (pairs.isEmpty()) return null;
        return 100 * pairs.stream().mapToDouble(x -> Math.abs(x[0] / x[1] - 1)).average().orElseThrow();
    }
}

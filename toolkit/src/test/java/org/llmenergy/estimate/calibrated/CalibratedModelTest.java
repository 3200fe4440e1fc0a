package org.llmenergy.estimate.calibrated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.llmenergy.estimate.EstimateFlag;
import org.llmenergy.estimate.LengthMoments;
import org.llmenergy.estimate.RequestEnergy;
import org.llmenergy.estimate.RequestPricer;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.model.Precision;
import org.llmenergy.model.Presets;

/** The calibrated model as estimate uses it, with the shipped calibration. */
class CalibratedModelTest {

    static CalibratedModel.Builder llama8b(String gpu) {
        return CalibratedModel.builder().setModel(Presets.get("llama-3.1-8b")).setGpu(GpuCatalog.builtIn().get(gpu))
                .optServing(Serving.continuous(64));
    }

    static RequestEnergy.Priced price(CalibratedModel m, int in, int out) {
        return assertInstanceOf(RequestEnergy.Priced.class, m.pricerFor(LengthMoments.of(in, out)).price(in, out));
    }

    @Test
    void anH100AnswerHasItsCalibratedIntervalAndNoTransferFlag() {
        CalibratedModel m = llama8b("H100").build();
        RequestEnergy.Priced p = price(m, 512, 256);
        assertTrue(p.totalJoules().low() < p.totalJoules().value() && p.totalJoules().value() < p.totalJoules().high());
        assertEquals(p.prefillJoules() + p.decodeJoules(), p.totalJoules().value(), 1e-9);
        assertTrue(p.prefillJoules() > 0 && p.decodeJoules() > p.prefillJoules(), p.toString());
        assertTrue(m.flags().stream().noneMatch(f -> f.kind() == EstimateFlag.Kind.UNCALIBRATED_GPU), m.flags().toString());
        // An 8B model at batch 64 on an H100 spends between 0.05 and 0.5 J per output token (ML.ENERGY measured 0.12).
        double perToken = p.totalJoules().value() / 256;
        assertTrue(perToken > 0.05 && perToken < 0.5, "J per output token " + perToken);
    }

    @Test
    void aGpuWithoutCalibrationDataIsFlaggedAndGetsAWiderInterval() {
        RequestEnergy.Priced h100 = price(llama8b("H100").build(), 512, 256);
        CalibratedModel a100 = llama8b("A100-SXM4-80GB").build();
        RequestEnergy.Priced other = price(a100, 512, 256);
        double wH = Math.log(h100.totalJoules().high() / h100.totalJoules().low());
        double wA = Math.log(other.totalJoules().high() / other.totalJoules().low());
        assertTrue(wA > wH, "transfer interval " + wA + " must be wider than the calibrated " + wH);
        assertTrue(a100.flags().stream().anyMatch(f -> f.kind() == EstimateFlag.Kind.UNCALIBRATED_GPU), a100.flags().toString());
    }

    @Test
    void longerRequestsCostMoreAndContextBeyondTheModelIsExcluded() {
        CalibratedModel m = llama8b("H100").build();
        RequestPricer pricer = m.pricerFor(LengthMoments.of(1000, 300));
        RequestEnergy.Priced shortOne = assertInstanceOf(RequestEnergy.Priced.class, pricer.price(100, 100));
        RequestEnergy.Priced longInput = assertInstanceOf(RequestEnergy.Priced.class, pricer.price(8000, 100));
        RequestEnergy.Priced longOutput = assertInstanceOf(RequestEnergy.Priced.class, pricer.price(100, 2000));
        assertTrue(longInput.prefillJoules() > 50 * shortOne.prefillJoules());
        assertTrue(longOutput.decodeJoules() > 15 * shortOne.decodeJoules());
        RequestEnergy tooLong = pricer.price(131_000, 1_000);
        assertTrue(tooLong instanceof RequestEnergy.Excluded e && e.reason().contains("context"), tooLong.toString());
    }

    @Test
    void tensorParallelismAddsGpusAndFp8HalvesTheWeightMemory() {
        CalibratedModel tp2 = CalibratedModel.builder().setModel(Presets.get("llama-3.1-70b")).setGpu(GpuCatalog.builtIn().get("H100"))
                .optTensorParallel(2).optServing(Serving.continuous(64)).build();
        CalibratedModel tp4 = CalibratedModel.builder().setModel(Presets.get("llama-3.1-70b")).setGpu(GpuCatalog.builtIn().get("H100"))
                .optTensorParallel(4).optServing(Serving.continuous(64)).build();
        LengthMoments w = LengthMoments.of(512, 256);
        SteadyState s2 = tp2.steadyState(w), s4 = tp4.steadyState(w);
        assertTrue(s4.step().seconds() < s2.step().seconds(), "more GPUs, shorter steps");
        assertTrue(s4.kvCapacityTokens() > 2 * s2.kvCapacityTokens(), "more GPUs, more KV cache after the weights");
        // 70B in bf16 (141 GB) does not fit one 80 GB H100: refused with the arithmetic. In fp8 (71 GB) it just fits.
        UnsupportedConfigurationException e = assertThrows(UnsupportedConfigurationException.class, () -> CalibratedModel.builder()
                .setModel(Presets.get("llama-3.1-70b")).setGpu(GpuCatalog.builtIn().get("H100")).build());
        assertTrue(e.getMessage().contains("does not fit") && e.getMessage().contains("GB"), e.getMessage());
        CalibratedModel fp8 = CalibratedModel.builder().setModel(Presets.get("llama-3.1-70b")).setGpu(GpuCatalog.builtIn().get("H100"))
                .optPrecision(Precision.FP8).optServing(Serving.continuous(64)).build();
        SteadyState tight = fp8.steadyState(w);
        assertTrue(tight.memoryLimited() && tight.batch() < 64, "a few GB of KV cache limit the batch: " + tight.batch());
    }

    @Test
    void staticBatchesAreThePapersModeAndAnEagerEngineIsRefused() {
        CalibratedModel stat = llama8b("H100").optServing(Serving.staticBatch(8)).build();
        RequestEnergy.Priced p = price(stat, 512, 256);
        assertTrue(p.totalJoules().value() > 0);
        assertTrue(stat.flags().stream().anyMatch(f -> f.kind() == EstimateFlag.Kind.ASSUMPTION));
        RequestEnergy.Priced big = price(llama8b("H100").optServing(Serving.staticBatch(64)).build(), 512, 256);
        assertTrue(big.totalJoules().value() < p.totalJoules().value(), "a bigger batch shares the weights: less energy per request");
        UnsupportedConfigurationException e = assertThrows(UnsupportedConfigurationException.class,
                () -> llama8b("H100").optEngine(Engine.HF_EAGER).build());
        assertTrue(e.getMessage().contains("vLLM"), e.getMessage());
    }

    @Test
    void theOlderSoftwareGenerationIsModelledExplicitlyAndCostsMore() {
        Calibration c = Calibration.bundled();
        assertEquals(List.of("vllm-0.11.1", "vllm-0.5.4"), c.generations());
        CalibratedModel v3 = llama8b("H100").build();
        CalibratedModel v2 = llama8b("H100").optGeneration("vllm-0.5.4").build();
        double e3 = price(v3, 512, 256).totalJoules().value(), e2 = price(v2, 512, 256).totalJoules().value();
        assertTrue(e2 > 1.2 * e3, "vLLM 0.5.4 measured well above 0.11.1: " + e2 + " vs " + e3);
        assertTrue(v2.flags().stream().anyMatch(f -> f.detail().contains("vllm-0.5.4")), v2.flags().toString());
        assertEquals("vllm-0.11.1", v3.generation());
        // A100 data exist in the v2 generation only: calibrated there, a datasheet transfer in v3.
        assertTrue(llama8b("A100-SXM4-40GB").build().flags().stream().anyMatch(f -> f.kind() == EstimateFlag.Kind.UNCALIBRATED_GPU));
        assertTrue(llama8b("A100-SXM4-40GB").optGeneration("vllm-0.5.4").build().flags().stream()
                .noneMatch(f -> f.kind() == EstimateFlag.Kind.UNCALIBRATED_GPU));
        assertThrows(IllegalArgumentException.class, () -> llama8b("H100").optGeneration("vllm-0.1").build());
    }

    @Test
    void theShippedCalibrationIsWhatCalibrateMakesFromTheMirror() throws Exception {
        Path models = Path.of("..", "..", "shared", "datasets", "mlenergy-v3", "public", "data", "models");
        String mirror = System.getenv("LLM_ENERGY_DATASETS_MIRROR");
        if (mirror != null) models = Path.of(mirror, "mlenergy-v3", "public", "data", "models");
        Assumptions.assumeTrue(Files.isDirectory(models), "no ML.ENERGY v3 mirror at " + models);
        Calibration shipped = Calibration.bundled();
        List<Configuration> configs = MlEnergyPoints.readV3(List.of(models));
        List<CalibrationPoint> points = configs.stream().filter(c -> c instanceof Configuration.Supported)
                .map(c -> ((Configuration.Supported) c).point()).toList();
        assertEquals(281, points.size());
        CalibrationParameters refit = new Calibrator(n -> GpuFacts.of(GpuCatalog.builtIn().get(n))).fit(points);
        for (String gpu : shipped.parameters().gpus().keySet()) {
            GpuParameters a = shipped.parameters().gpus().get(gpu), b = refit.gpus().get(gpu);
            assertEquals(a.idleFraction(), b.idleFraction(), 1e-3 * a.idleFraction(), gpu + ": shipped calibration is stale; run calibrate --write");
            assertEquals(a.memoryEfficiency(), b.memoryEfficiency(), 1e-3 * a.memoryEfficiency(), gpu);
        }
        assertFalse(shipped.trainedGroups().isEmpty());
        assertEquals(64, Calibration.bundledSha256().length());
    }
}

package org.llmenergy.experiment.djl;

import org.llmenergy.experiment.protocol.Backend;
import org.llmenergy.experiment.protocol.BackendFactory;
import org.llmenergy.experiment.protocol.BatchPredictor;
import org.llmenergy.experiment.protocol.IdleProbe;
import org.llmenergy.experiment.results.IdlePower;
import org.llmenergy.experiment.spec.SweepSpec;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.OptionalInt;
import org.llmenergy.energy.EnergyFigure;
import org.llmenergy.energy.EnergyMeter;
import org.llmenergy.energy.MeterOptions;
import org.llmenergy.energy.Meters;
import org.llmenergy.inference.ComputeDevice;
import org.llmenergy.model.LmHeadPolicy;
import org.llmenergy.model.MemoryAssumptions;
import org.llmenergy.model.MemoryModel;
import org.llmenergy.model.Precision;

/**
 * The {@code "djl"} engine: cells run on the toolkit's DJL transformer ({@link DjlCellExecutor}) and are
 * measured with an energy meter.
 *
 * <p>The meter follows the spec's device unless {@code -Dllmenergy.meter} or {@code LLM_ENERGY_METER} names
 * one ({@code auto|nvml|rapl|cpu-estimate}); the choice itself is {@link Meters#forDevice}'s policy.
 */
public final class DjlBackendFactory implements BackendFactory {
    /** The engine name specs use. */
    public static final String NAME = "djl";

    @Override
    public String name() { return NAME; }

    /** The DJL transformer runs one eager configuration: it applies no flags, so every flag is refused. */
    @Override
    public java.util.Set<String> knownFlags() { return java.util.Set.of(); }

    @Override
    public String modelProblem(String model) {
        try {
            DjlCellExecutor.modelSource(model);
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    @Override
    public Backend create(SweepSpec spec) {
        EnergyMeter meter = openMeter(spec.device());
        DjlCellExecutor executor = new DjlCellExecutor(meter);
        IdleProbe idle = seconds -> idlePower(meter, seconds);
        return new Backend(executor, idle, predictor(spec.device()));
    }

    /**
     * Opens the meter for a device.
     *
     * @param device {@code cpu}, {@code gpu[:n]} or another {@link ComputeDevice#parse} spelling
     * @return the meter; its {@link EnergyMeter#choice()} says what was chosen and why
     */
    public static EnergyMeter openMeter(String device) {
        return openMeter(device, System.getProperty("llmenergy.meter", System.getenv("LLM_ENERGY_METER")));
    }

    /**
     * @param device {@code cpu}, {@code gpu[:n]} or another {@link ComputeDevice#parse} spelling
     * @param named  {@code auto|nvml|rapl|cpu-estimate}, or null for the device's default
     * @return the meter {@link Meters#forDevice} chooses, with every refused backend in its choice
     */
    public static EnergyMeter openMeter(String device, String named) {
        boolean gpuWork = device != null && ComputeDevice.parse(device).gpu();
        return Meters.forDevice(gpuWork, named, MeterOptions.defaults());
    }

    private static IdlePower idlePower(EnergyMeter meter, double seconds) throws InterruptedException {
        org.llmenergy.energy.IdleBaseline b = meter.measureIdle(seconds);
        EnergyFigure total = b.measurement().total();
        if (!total.isPresent()) return IdlePower.missing(total.missingReason());
        return IdlePower.of(total.joules() / b.durationS(), b.durationS(), total.provenance());
    }

    /**
     * Largest-batch predictions: on a CPU from half of the machine's physical memory with an eager fp32
     * engine (the DJL transformer materialises attention scores); on a GPU no prediction (the probe
     * decides), since the device's memory is not known here before the engine loads.
     */
    private static BatchPredictor predictor(String device) {
        if (device != null && ComputeDevice.parse(device).gpu()) return BatchPredictor.NONE;
        long physical = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        MemoryAssumptions eagerFp32 = new MemoryAssumptions(Precision.FP32, Precision.FP32, Precision.FP32, 0.5,
                1L << 30, 1, 0, LmHeadPolicy.LAST_POSITION, true, 1024);
        return cell -> {
            var config = DjlCellExecutor.modelSource(cell.model()).config();
            OptionalInt b = new MemoryModel(config, eagerFp32)
                    .largestBatch(cell.input(), cell.output(), physical).batchSize();
            return b;
        };
    }
}

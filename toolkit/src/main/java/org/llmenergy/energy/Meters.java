package org.llmenergy.energy;

import java.util.ArrayList;
import java.util.List;

/**
 * Opens meters. {@link #auto} picks the best backend the machine offers and records why:
 * NVML when GPUs are present (GPU energy, as the paper counts it), else RAPL when readable, else the
 * CPU-time estimate.
 */
public final class Meters {
    private Meters() {}

    /**
     * @param meter {@code "auto"}, {@code "nvml"}, {@code "rapl"} or {@code "cpu-estimate"}
     * @return the open meter
     * @throws MeterUnavailableException when the named backend cannot be used here
     */
    public static EnergyMeter open(String meter, MeterOptions options) {
        return "auto".equals(meter) ? auto(options) : open(MeterKind.fromLabel(meter), options);
    }

    /** @return a meter of that kind; throws {@link MeterUnavailableException} with the reason when impossible */
    public static EnergyMeter open(MeterKind kind, MeterOptions options) {
        return open(kind, options, MeterClock.SYSTEM);
    }

    /** {@link #open(MeterKind, MeterOptions)} on another clock: the seam for tests' virtual time. */
    static EnergyMeter open(MeterKind kind, MeterOptions options, MeterClock clock) {
        MeterBackend backend = backend(kind, options, clock);
        return new WindowedMeter(backend, options, new MeterChoice(kind, List.of(kind.label() + " requested")), clock);
    }

    /** @return NVML, else RAPL, else the CPU-time estimate, with the reasons in {@link EnergyMeter#choice()} */
    public static EnergyMeter auto(MeterOptions options) {
        List<String> reasons = new ArrayList<>();
        for (MeterKind kind : List.of(MeterKind.NVML, MeterKind.RAPL)) {
            try {
                MeterBackend b = backend(kind, options);
                reasons.add(kind.label() + " chosen: " + b.channels().size() + " channel(s) "
                        + b.channels().stream().map(Channel::id).toList()
                        + (kind == MeterKind.NVML ? "; GPU energy only, as the paper counts it" : ""));
                return new WindowedMeter(b, options, new MeterChoice(kind, reasons));
            } catch (MeterUnavailableException e) {
                reasons.add(kind.label() + " rejected: " + e.getMessage().substring(kind.label().length() + 2));
            }
        }
        MeterBackend b = backend(MeterKind.CPU_ESTIMATE, options);
        reasons.add("cpu-estimate chosen: no GPU and no readable RAPL, so energy is estimated from CPU time");
        return new WindowedMeter(b, options, new MeterChoice(MeterKind.CPU_ESTIMATE, reasons));
    }

    /**
     * Wraps a custom backend (a replay device, another vendor's library) in the shared window engine.
     *
     * @param why what to record as the choice
     */
    public static EnergyMeter of(MeterBackend backend, MeterOptions options, String why) {
        return new WindowedMeter(backend, options, new MeterChoice(backend.kind(), List.of(why)));
    }

    private static MeterBackend backend(MeterKind kind, MeterOptions options) {
        return backend(kind, options, MeterClock.SYSTEM);
    }

    private static MeterBackend backend(MeterKind kind, MeterOptions options, MeterClock clock) {
        return switch (kind) {
            case NVML -> NvmlBackend.open(options, clock);
            case RAPL -> RaplBackend.open(options.powercapRoot());
            case CPU_ESTIMATE -> CpuEstimateBackend.open(options);
        };
    }
}

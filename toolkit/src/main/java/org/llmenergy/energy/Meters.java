package org.llmenergy.energy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens meters, and owns the one policy for choosing a backend. Every backend that is tried and refused is
 * recorded with its reason in {@link EnergyMeter#choice()}, which the window engine copies into every figure's
 * provenance ({@code details.meterChoice}).
 *
 * <ul>
 *   <li>{@code auto}: NVML when GPUs are present (GPU energy, as the paper counts it), else RAPL when readable,
 *       else the CPU-time estimate.</li>
 *   <li>A named backend ({@code nvml}, {@code rapl}, {@code cpu-estimate}): that one or a
 *       {@link MeterUnavailableException}.</li>
 *   <li>No name, work on a GPU: NVML only; charging a GPU run with the CPU's energy would be wrong.</li>
 *   <li>No name, work on the CPU: RAPL, else the CPU-time estimate. Not {@code auto}, because on a GPU machine it
 *       would charge a CPU run with the GPU's energy.</li>
 * </ul>
 */
public final class Meters {
    /** The request that lets the machine decide: NVML, else RAPL, else the CPU-time estimate. */
    public static final String AUTO = "auto";

    private static final List<MeterKind> AUTO_ORDER = List.of(MeterKind.NVML, MeterKind.RAPL, MeterKind.CPU_ESTIMATE);
    private static final List<MeterKind> CPU_WORK_ORDER = List.of(MeterKind.RAPL, MeterKind.CPU_ESTIMATE);

    private Meters() {}

    /**
     * The meter for work on a device: the requested backend when one is named, else the device's default.
     *
     * @param gpuWork   true when the measured work runs on a GPU
     * @param requested {@code "auto"}, {@code "nvml"}, {@code "rapl"}, {@code "cpu-estimate"}, or null/blank for the
     *                  device's default
     * @param options   how to open it
     * @return the open meter; its {@link EnergyMeter#choice()} lists every backend refused on the way
     * @throws MeterUnavailableException when no backend the policy allows can be used here
     */
    public static EnergyMeter forDevice(boolean gpuWork, String requested, MeterOptions options) {
        if (requested != null && !requested.isBlank()) return open(requested.trim(), options);
        return gpuWork ? open(MeterKind.NVML, options) : firstUsable(CPU_WORK_ORDER, options);
    }

    /**
     * @param meter {@code "auto"}, {@code "nvml"}, {@code "rapl"} or {@code "cpu-estimate"}
     * @return the open meter
     * @throws MeterUnavailableException when the named backend cannot be used here
     */
    public static EnergyMeter open(String meter, MeterOptions options) {
        return AUTO.equals(meter) ? auto(options) : open(MeterKind.fromLabel(meter), options);
    }

    /** @return a meter of that kind; throws {@link MeterUnavailableException} with the reason when impossible */
    public static EnergyMeter open(MeterKind kind, MeterOptions options) {
        return open(kind, options, MeterClock.SYSTEM);
    }

    /** {@link #open(MeterKind, MeterOptions)} on another clock: the seam for tests' virtual time. */
    static EnergyMeter open(MeterKind kind, MeterOptions options, MeterClock clock) {
        MeterBackend backend = backend(kind, options, clock);
        return new WindowedMeter(backend, options, new MeterChoice(kind, List.of(kind.label() + " requested"), Map.of()), clock);
    }

    /** @return NVML, else RAPL, else the CPU-time estimate, with the reasons in {@link EnergyMeter#choice()} */
    public static EnergyMeter auto(MeterOptions options) {
        return firstUsable(AUTO_ORDER, options);
    }

    /**
     * Wraps a custom backend (a replay device, another vendor's library) in the shared window engine.
     *
     * @param why what to record as the choice
     */
    public static EnergyMeter of(MeterBackend backend, MeterOptions options, String why) {
        return new WindowedMeter(backend, options, new MeterChoice(backend.kind(), List.of(why), Map.of()));
    }

    /** Tries each kind in order; the first that opens is used, and every refusal before it is recorded. */
    private static EnergyMeter firstUsable(List<MeterKind> order, MeterOptions options) {
        List<String> reasons = new ArrayList<>();
        Map<MeterKind, String> rejected = new LinkedHashMap<>();
        MeterUnavailableException last = null;
        for (MeterKind kind : order) {
            MeterBackend b;
            try {
                b = backend(kind, options);
            } catch (MeterUnavailableException e) {
                String why = e.getMessage().substring(kind.label().length() + 2);
                rejected.put(kind, why);
                reasons.add(kind.label() + " rejected: " + why);
                last = e;
                continue;
            }
            reasons.add(kind.label() + " chosen: " + chosenBecause(kind, b, rejected));
            return new WindowedMeter(b, options, new MeterChoice(kind, reasons, rejected));
        }
        throw new MeterUnavailableException(last.kind(), "no meter is usable here: " + String.join("; ", reasons), last);
    }

    private static String chosenBecause(MeterKind kind, MeterBackend b, Map<MeterKind, String> rejected) {
        String channels = b.channels().size() + " channel(s) " + b.channels().stream().map(Channel::id).toList();
        return switch (kind) {
            case NVML -> channels + "; GPU energy only, as the paper counts it";
            case RAPL -> channels;
            case CPU_ESTIMATE -> (rejected.isEmpty() ? "" : String.join(" and ", rejected.keySet().stream()
                    .map(k -> k == MeterKind.NVML ? "no GPU" : "no readable " + k.label().toUpperCase(Locale.ROOT))
                    .toList()) + ", so ") + "energy is estimated from CPU time";
        };
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

package org.llmenergy.impact;

import java.util.Locale;
import org.llmenergy.units.ValueOrReason;

/**
 * Manufacturing (embodied) footprints of GPUs, from manufacturers' product carbon footprints. A GPU without a
 * published figure has none: {@link #forGpu} says so rather than guess.
 */
public final class Embodied {
    /** Unit of the per-GPU footprints. */
    public static final String UNIT = "kgCO2e/GPU";
    /**
     * NVIDIA's product carbon footprint for the HGX H100 8-GPU baseboard: 1,312 kgCO2e cradle-to-gate, shared over
     * its eight GPUs.
     */
    public static final Factor HGX_H100_PER_GPU = new Factor(1312.0 / 8, UNIT,
            "NVIDIA, Product Carbon Footprint (PCF) Summary for NVIDIA HGX H100, "
                    + "https://images.nvidia.com/aem-dam/Solutions/documents/HGX-H100-PCF-Summary.pdf", 2024,
            "1,312 kgCO2e cradle-to-gate for the 8-GPU HGX H100 baseboard (GPUs with HBM3, NVSwitch, board), divided by 8;"
                    + " the host server (CPUs, DRAM, storage, chassis) is not included");

    private Embodied() {}

    /**
     * A GPU's footprint, or its absence with the reason.
     *
     * @param gpu           the GPU name asked for
     * @param perGpu        kgCO2e per GPU, or null
     * @param missingReason why {@code perGpu} is null, else null
     */
    public record Footprint(String gpu, Factor perGpu, String missingReason) implements ValueOrReason {
        public Footprint {
            ValueOrReason.requireValueOrReason(perGpu, missingReason, "footprint");
        }

        @Override
        public boolean isPresent() { return perGpu != null; }
    }

    /**
     * @param gpu a GPU name as the catalog or NVML spells it, for example {@code H100-SXM} or {@code NVIDIA H100 80GB HBM3}
     * @return the published footprint for it, or none with the reason
     */
    public static Footprint forGpu(String gpu) {
        String n = gpu.toUpperCase(Locale.ROOT);
        if (n.contains("H100")) {
            if (n.contains("PCIE") || n.contains("NVL")) {
                return new Footprint(gpu, null, "NVIDIA's H100 product carbon footprint covers the HGX (SXM) baseboard only, not "
                        + gpu + "; give --embodied-kg-per-gpu");
            }
            return new Footprint(gpu, HGX_H100_PER_GPU, null);
        }
        return new Footprint(gpu, null, "no published manufacturing footprint for " + gpu
                + " in the toolkit (only NVIDIA HGX H100 has one); give --embodied-kg-per-gpu");
    }

    /** @return a footprint the user gave, kgCO2e per GPU */
    public static Footprint user(String gpu, double kgPerGpu) {
        if (!Double.isFinite(kgPerGpu) || kgPerGpu < 0) {
            throw new IllegalArgumentException("--embodied-kg-per-gpu must be a finite number >= 0, got " + kgPerGpu);
        }
        return new Footprint(gpu, Factor.user(kgPerGpu, UNIT, "--embodied-kg-per-gpu"), null);
    }
}

package org.llmenergy.energy;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The meter backends, with the labels the CLI ({@code --meter}) and the JSON output use. */
public enum MeterKind {
    /** NVIDIA GPUs through NVML: the cumulative energy counter, cross-checked by integrated power. */
    NVML("nvml"),
    /** CPU package and DRAM energy counters through Linux powercap sysfs. */
    RAPL("rapl"),
    /** CPU time times a per-thread power from the CPU's spec: an estimate, never a measurement. */
    CPU_ESTIMATE("cpu-estimate");

    private final String label;

    MeterKind(String label) { this.label = label; }

    /** @return the stable label, for example {@code "cpu-estimate"} */
    public String label() { return label; }

    /** @return the kind with this label */
    public static MeterKind fromLabel(String label) {
        for (MeterKind k : values()) if (k.label.equals(label)) return k;
        throw new IllegalArgumentException("unknown meter '" + label + "'; expected one of auto, "
                + Arrays.stream(values()).map(MeterKind::label).collect(Collectors.joining(", ")));
    }
}

package org.llmenergy.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code CUDA_VISIBLE_DEVICES}: which GPUs a CUDA process sees and in what order. Entries are NVML/PCI
 * indices or {@code GPU-} UUIDs (or unique prefixes of them). MIG instances ({@code MIG-…}) are refused with
 * a clear error, because NVML's energy counter and power readings cover the whole physical GPU, not an
 * instance (Zeus crashed on these, issue #109).
 */
final class CudaVisibleDevices {
    private static final Pattern INDEX = Pattern.compile("\\d+");

    /** One entry: an index, or a UUID (prefix). */
    record Entry(int position, Integer index, String uuidPrefix) {}

    private CudaVisibleDevices() {}

    /**
     * @param value the variable's value; null means unset
     * @return the entries in order, or null when unset (every GPU is visible)
     */
    static List<Entry> parse(String value) {
        if (value == null) return null;
        List<Entry> out = new ArrayList<>();
        String trimmed = value.trim();
        if (trimmed.isEmpty()) return out;
        String[] parts = trimmed.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (INDEX.matcher(p).matches()) {
                out.add(new Entry(i, Integer.parseInt(p), null));
            } else if (p.startsWith("GPU-") && p.length() > 4) {
                out.add(new Entry(i, null, p));
            } else if (p.startsWith("MIG-")) {
                throw new MeterUnavailableException(MeterKind.NVML, "CUDA_VISIBLE_DEVICES='" + value + "', entry "
                        + (i + 1) + " '" + p + "' is a MIG instance: NVML reports energy and power for the whole "
                        + "physical GPU, not for a MIG instance, so per-instance energy cannot be measured");
            } else {
                throw new MeterUnavailableException(MeterKind.NVML, "CUDA_VISIBLE_DEVICES='" + value + "', entry "
                        + (i + 1) + " '" + p + "' is neither a GPU index nor a GPU-<uuid>");
            }
        }
        return out;
    }
}

package org.llmenergy.experiment.results;

/**
 * One NVIDIA GPU of the host, as the driver lists it.
 *
 * @param busId PCI bus location, for example {@code 0000:17:00.0}
 * @param name  model name, for example {@code NVIDIA H100 80GB HBM3}
 * @param uuid  the GPU's UUID, for example {@code GPU-6f1c…}, or null when the driver does not list it
 */
public record GpuInfo(String busId, String name, String uuid) {}

/**
 * Energy measurement: the {@code EnergyMeter} SPI and its backends (NVML through JNA, RAPL through
 * powercap sysfs, a labelled CPU-time estimate), measurement windows, power sampling, idle baseline and
 * provenance. Uses {@code units} and {@code hardware}.
 */
package org.llmenergy.energy;

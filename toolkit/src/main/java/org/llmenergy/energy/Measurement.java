package org.llmenergy.energy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.llmenergy.units.Provenance;

/**
 * The energy of one window, per channel and in total, with its provenance.
 *
 * @param name        the window's name
 * @param meter       the backend that measured it
 * @param startEpochS window start, seconds since the Unix epoch
 * @param endEpochS   window end, seconds since the Unix epoch
 * @param durationS   window length in seconds (monotonic clock)
 * @param devices     one entry per channel
 * @param total       sum of the channels' gross figures that count in the total, J; unavailable when any is
 * @param totalNet    the same, net of idle, J; unavailable without an idle baseline
 * @param meanPowerW  total / duration, W, or null
 * @param peakPowerW  the highest summed power at any sample in the window, W, or null
 * @param series      power time series, one per channel and quantity; empty unless asked for
 * @param telemetry   temperature, clock and utilisation samples; empty unless asked for (NVML only)
 * @param provenance  how {@code total} was obtained, with validity and reasons
 */
public record Measurement(String name, MeterKind meter, double startEpochS, double endEpochS, double durationS,
                          List<DeviceEnergy> devices, EnergyFigure total, EnergyFigure totalNet,
                          Double meanPowerW, Double peakPowerW, List<PowerSeries> series,
                          List<TelemetrySample> telemetry, Provenance provenance) {

    public Measurement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(totalNet, "totalNet");
        devices = List.copyOf(devices);
        series = series == null ? List.of() : List.copyOf(series);
        telemetry = telemetry == null ? List.of() : List.copyOf(telemetry);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** @return true when the total is present and can be trusted */
    public boolean valid() { return total.isPresent() && provenance.valid(); }

    /** @return the validity reasons and caveats of the total */
    public List<String> reasons() { return provenance.reasons(); }

    /** @return the channel with this id */
    public Optional<DeviceEnergy> device(String channel) {
        return devices.stream().filter(d -> d.channel().equals(channel)).findFirst();
    }
}

package org.llmenergy.energy;

import java.util.List;
import java.util.Map;

/**
 * A source of energy readings: what NVML, RAPL and the CPU-time estimate implement and what the shared
 * window engine reads. The engine calls {@link #read} from one thread at a time, at every window edge and
 * every sampling tick, so a read must be quick and must not block.
 */
public interface MeterBackend extends AutoCloseable {

    /** @return which backend this is */
    MeterKind kind();

    /** @return driver or library version for provenance, or null */
    String driver();

    /** @return the channels, fixed for the backend's lifetime */
    List<Channel> channels();

    /** @return facts that apply to every figure (estimate model, CPU model…) for provenance */
    Map<String, String> details();

    /** @return caveats that apply to every figure (for example "estimate, not a measurement") */
    List<String> caveats();

    /** Reads every channel once into {@code into} (which the caller has cleared). */
    void read(ChannelReadings into);

    /**
     * Reads temperature, clocks and utilisation.
     *
     * @param nowS the monotonic time of the read in seconds, to stamp the samples with
     * @return one sample per channel that has telemetry; empty for backends without any
     */
    default List<TelemetrySample> readTelemetry(double nowS) { return List.of(); }

    /** Releases the backend. */
    @Override
    void close();
}

package org.llmenergy.impact;

import java.util.Objects;
import org.llmenergy.units.Interval;

/**
 * What to compute impacts for: an energy and the factors to apply. Only the grid is required; everything else is
 * a default with a published source, or absent (no price → no cost; no GPU → no embodied figure).
 *
 * @param energyJ            IT energy, J, an interval (90 %) or {@link Interval#exact}; low >= 0
 * @param grid               the grid factors of the location ({@link GridCatalog#grid})
 * @param pue                the user's PUE, or null for the location's default ({@link Datacenter#pue})
 * @param wue                the user's on-site WUE in L/kWh, or null for {@link Datacenter#WUE_INDUSTRY_AVERAGE}
 * @param price              the electricity price, or null (cost is then absent)
 * @param gpu                the GPU's name, or null (embodied emissions are then absent)
 * @param gpuSeconds         GPU-seconds of work (GPUs x seconds), or null
 * @param embodiedKgPerGpu   the user's manufacturing footprint per GPU, kgCO2e, or null for {@link Embodied#forGpu}
 * @param amortisation       lifetime and utilisation the footprint is spread over
 */
public record ImpactRequest(Interval energyJ, GridFactors grid, Double pue, Double wue, ElectricityPrice price, String gpu,
                            Double gpuSeconds, Double embodiedKgPerGpu, Amortisation amortisation) {
    public ImpactRequest {
        Objects.requireNonNull(energyJ, "energy");
        Objects.requireNonNull(grid, "grid factors: nothing is computed without a location or explicit factors");
        Objects.requireNonNull(amortisation, "amortisation");
        if (energyJ.low() < 0 || !Double.isFinite(energyJ.high())) {
            throw new IllegalArgumentException("energy must be finite and >= 0, got " + energyJ + " J");
        }
        if (gpuSeconds != null && (!Double.isFinite(gpuSeconds) || gpuSeconds < 0)) {
            throw new IllegalArgumentException("GPU time must be finite and >= 0, got " + gpuSeconds + " GPU-seconds");
        }
        if (gpuSeconds != null && gpu == null) throw new IllegalArgumentException("GPU time given without the GPU's name (--gpu)");
    }

    /** @return a request for {@code energyJ} on {@code grid} with every other factor at its default */
    public static ImpactRequest of(Interval energyJ, GridFactors grid) {
        return new ImpactRequest(energyJ, grid, null, null, null, null, null, null, Amortisation.DEFAULT);
    }

    /** @return this request with the user's PUE (null for the default) */
    public ImpactRequest withPue(Double p) { return new ImpactRequest(energyJ, grid, p, wue, price, gpu, gpuSeconds, embodiedKgPerGpu, amortisation); }

    /** @return this request with the user's WUE, L/kWh (null for the default) */
    public ImpactRequest withWue(Double w) { return new ImpactRequest(energyJ, grid, pue, w, price, gpu, gpuSeconds, embodiedKgPerGpu, amortisation); }

    /** @return this request with an electricity price */
    public ImpactRequest withPrice(ElectricityPrice p) { return new ImpactRequest(energyJ, grid, pue, wue, p, gpu, gpuSeconds, embodiedKgPerGpu, amortisation); }

    /** @return this request with the GPU and its GPU-seconds of work (null when unknown) */
    public ImpactRequest withGpu(String name, Double seconds) {
        return new ImpactRequest(energyJ, grid, pue, wue, price, name, seconds, embodiedKgPerGpu, amortisation);
    }

    /** @return this request with the user's footprint per GPU, kgCO2e (null for the published one) */
    public ImpactRequest withEmbodiedKgPerGpu(Double kg) {
        return new ImpactRequest(energyJ, grid, pue, wue, price, gpu, gpuSeconds, kg, amortisation);
    }

    /** @return this request with another amortisation */
    public ImpactRequest withAmortisation(Amortisation a) { return new ImpactRequest(energyJ, grid, pue, wue, price, gpu, gpuSeconds, embodiedKgPerGpu, a); }
}

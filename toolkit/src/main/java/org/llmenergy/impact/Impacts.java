package org.llmenergy.impact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.llmenergy.units.Energy;
import org.llmenergy.units.Interval;

/**
 * The impacts of one energy: operational emissions, water, cost and the GPUs' embodied emissions, each an interval
 * carried from the energy's interval (or absent with a reason), with every factor used.
 *
 * <ul>
 *   <li>operational gCO2e = E x PUE x grid intensity;</li>
 *   <li>water L = on site (WUE x E) + off site (grid water x E x PUE);</li>
 *   <li>cost = E x PUE x price;</li>
 *   <li>embodied gCO2e = GPU-seconds x footprint / (lifetime x utilisation).</li>
 * </ul>
 * E is the IT energy in kWh. The embodied figure does not depend on E, so it is exact.
 *
 * @param request      what was asked
 * @param pue          the PUE applied
 * @param wue          the on-site WUE applied, L/kWh
 * @param footprint    the GPU's manufacturing footprint, or null when no GPU was named
 * @param itEnergyKwh  E, kWh
 * @param facilityKwh  E x PUE, kWh
 * @param operational  gCO2e
 * @param waterOnsite  L consumed on site (cooling)
 * @param waterOffsite L consumed generating the electricity
 * @param water        on site + off site, L (absent when either is)
 * @param cost         in the price's currency
 * @param embodied     gCO2e of GPU manufacturing charged to this work
 */
public record Impacts(ImpactRequest request, Factor pue, Factor wue, Embodied.Footprint footprint, Interval itEnergyKwh,
                      Interval facilityKwh, ImpactValue operational, ImpactValue waterOnsite, ImpactValue waterOffsite,
                      ImpactValue water, ImpactValue cost, ImpactValue embodied) {
    /** Unit of the emission figures. */
    public static final String GCO2E = "gCO2e";
    /** Unit of the water figures. */
    public static final String LITRES = "L";

    /**
     * @param r the energy and factors
     * @return the impacts
     */
    public static Impacts compute(ImpactRequest r) {
        GridFactors g = r.grid();
        Factor pue = Datacenter.pue(r.pue(), g.location());
        Factor wue = Datacenter.wue(r.wue());
        // Divide rather than multiply by 1/3.6e6, so that 3.6e6 J is exactly 1 kWh and published factors come out as printed.
        Interval j = r.energyJ();
        Interval kwh = new Interval(Energy.toKwh(j.value()), Energy.toKwh(j.low()), Energy.toKwh(j.high()));
        Interval facility = kwh.times(pue.value());

        ImpactValue operational = g.carbonIntensity() == null ? ImpactValue.missing(GCO2E, g.carbonMissing())
                : ImpactValue.of(facility.times(g.carbonIntensity().value()), GCO2E);
        ImpactValue onsite = ImpactValue.of(kwh.times(wue.value()), LITRES);
        ImpactValue offsite = g.water() == null ? ImpactValue.missing(LITRES, g.waterMissing())
                : ImpactValue.of(facility.times(g.water().value()), LITRES);
        ImpactValue water = onsite.plus(offsite);
        if (!water.isPresent()) water = ImpactValue.missing(LITRES, "off-site water unknown: " + offsite.missingReason());
        ImpactValue cost = r.price() == null ? ImpactValue.missing("currency", "no electricity price given (--price-per-kwh, --currency)")
                : ImpactValue.of(facility.times(r.price().perKwh()), r.price().currency());

        Embodied.Footprint fp = r.gpu() == null ? null
                : r.embodiedKgPerGpu() != null ? Embodied.user(r.gpu(), r.embodiedKgPerGpu()) : Embodied.forGpu(r.gpu());
        ImpactValue embodied;
        if (fp == null) embodied = ImpactValue.missing(GCO2E, "no GPU named (--gpu NAME --gpu-hours H)");
        else if (r.gpuSeconds() == null) embodied = ImpactValue.missing(GCO2E, "no GPU time given (--gpu-hours H)");
        else if (fp.perGpu() == null) embodied = ImpactValue.missing(GCO2E, fp.missingReason());
        else embodied = ImpactValue.of(Interval.exact(r.gpuSeconds() * r.amortisation().gramsPerSecond(fp.perGpu().value())), GCO2E);
        return new Impacts(r, pue, wue, fp, kwh, facility, operational, onsite, offsite, water, cost, embodied);
    }

    /**
     * Impacts with every factor at its default, for commands that attach an {@code impacts} block (for example
     * {@code estimate --region DEU}).
     *
     * @param energyJ the energy, J, with its interval
     * @param where   an ISO-3 code, a country name, {@code world}, or {@code provider:region}
     * @return the impacts, with the grid factors read from the dataset catalog
     * @throws IllegalArgumentException for an unknown location, listing the closest matches
     */
    public static Impacts at(Interval energyJ, String where) {
        return compute(ImpactRequest.of(energyJ, GridCatalog.load().grid(Location.parse(where))));
    }

    /**
     * The stable JSON block other commands attach under {@code "impacts"}: {@code operational_gco2e},
     * {@code water_l} (with {@code onsite} and {@code offsite}), {@code embodied_gco2e}, {@code cost} (with
     * {@code currency}), each {@code {value, low, high}} or {@code {value: null, reason}}, and {@code factors}, each
     * {@code {value, unit, source, year, note}} or {@code {value: null, reason}}.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() { return ImpactJson.write(this); }
}

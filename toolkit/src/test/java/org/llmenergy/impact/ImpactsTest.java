package org.llmenergy.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmenergy.units.Interval;

/** The calculator on hand-computed cases, with user factors so no data file is involved. */
class ImpactsTest {
    private static final double KWH = 3.6e6;

    /** 400 gCO2e/kWh and 2 L/kWh off site, given directly. */
    private static GridFactors grid() { return GridCatalog.direct(new Location.Direct(400, 2.0)); }

    @Test
    void intervalCarriesThroughEveryFigure() {
        Interval e = new Interval(1 * KWH, 0.8 * KWH, 1.3 * KWH);
        Impacts i = Impacts.compute(ImpactRequest.of(e, grid()).withPue(1.2).withWue(0.5)
                .withPrice(new ElectricityPrice(0.25, "eur")));
        // operational = E x PUE x intensity = 1 x 1.2 x 400
        assertInterval(480, 384, 624, i.operational());
        // on site = WUE x E = 0.5 x [0.8, 1, 1.3]; off site = 2 x 1.2 x E
        assertInterval(0.5, 0.4, 0.65, i.waterOnsite());
        assertInterval(2.4, 1.92, 3.12, i.waterOffsite());
        assertInterval(2.9, 2.32, 3.77, i.water());
        // cost = E x PUE x price = 1.2 x 0.25
        assertInterval(0.3, 0.24, 0.39, i.cost());
        assertEquals("EUR", i.cost().unit());
    }

    @Test
    void embodiedAmortisationOnAHandComputedCase() {
        // 164 kg per GPU over 3 years at 50 % utilisation: 164,000 g / (3 x 365.25 x 86,400 s x 0.5) = 0.0034645643 g/s;
        // one GPU-hour is 3,600 GPU-s, so 12.4724 g.
        Amortisation a = new Amortisation(3, 0.5, "test");
        Impacts i = Impacts.compute(ImpactRequest.of(Interval.exact(KWH), grid()).withGpu("H100-SXM", 3600.0).withAmortisation(a));
        assertEquals(164.0, i.footprint().perGpu().value(), 0);
        assertEquals(12.4724, i.embodied().interval().value(), 1e-4);
        assertEquals(i.embodied().interval().low(), i.embodied().interval().high(), "GPU time is exact");
        // Twice the utilisation halves the charge per second used.
        Impacts busy = Impacts.compute(i.request().withAmortisation(new Amortisation(3, 1.0, "test")));
        assertEquals(12.4724 / 2, busy.embodied().interval().value(), 1e-4);
    }

    @Test
    void embodiedIsAbsentWithReasonWithoutAPublishedFootprint() {
        ImpactRequest base = ImpactRequest.of(Interval.exact(KWH), grid());
        Impacts a100 = Impacts.compute(base.withGpu("A100-SXM4-80GB", 3600.0));
        assertFalse(a100.embodied().isPresent());
        assertTrue(a100.embodied().missingReason().contains("no published manufacturing footprint for A100"), a100.embodied().missingReason());
        assertTrue(Impacts.compute(base.withGpu("H100-PCIe", 3600.0)).embodied().missingReason().contains("HGX (SXM) baseboard only"));
        assertTrue(Impacts.compute(base.withGpu("H100-SXM", null)).embodied().missingReason().contains("--gpu-hours"));
        assertTrue(Impacts.compute(base).embodied().missingReason().contains("no GPU named"));
        // The user's own footprint replaces the missing one: 100 kg over 4 years, 1 GPU-hour.
        Impacts own = Impacts.compute(base.withGpu("A100-SXM4-80GB", 3600.0).withEmbodiedKgPerGpu(100.0));
        assertEquals(100_000.0 * 3600 / (4 * 365.25 * 86400), own.embodied().interval().value(), 1e-12);
        assertEquals("user (--embodied-kg-per-gpu)", own.footprint().perGpu().source());
    }

    @Test
    void overridesReplaceDefaultsAndDefaultsCarryTheirSources() {
        ImpactRequest r = ImpactRequest.of(Interval.exact(KWH), grid());
        Impacts defaults = Impacts.compute(r);
        assertEquals(1.56, defaults.pue().value(), 0);
        assertEquals(2024, defaults.pue().year());
        assertEquals(1.8, defaults.wue().value(), 0);
        assertEquals(400 * 1.56, defaults.operational().interval().value(), 1e-9);
        Impacts own = Impacts.compute(r.withPue(1.0).withWue(0.0));
        assertEquals(400, own.operational().interval().value(), 0);
        assertEquals(0, own.waterOnsite().interval().value(), 0);
        assertEquals("user (--pue)", own.pue().source());
        assertFalse(defaults.cost().isPresent());
        assertTrue(defaults.cost().missingReason().contains("--price-per-kwh"));
    }

    @Test
    void badFactorsAreClearErrors() {
        ImpactRequest r = ImpactRequest.of(Interval.exact(KWH), grid());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Impacts.compute(r.withPue(0.95))).getMessage().contains("--pue must be >= 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Impacts.compute(r.withWue(-1.0))).getMessage().contains("--wue"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Location.Direct(2001, null)).getMessage().contains("above 2000"));
        assertThrows(IllegalArgumentException.class, () -> new Location.Direct(-5, null));
        assertThrows(IllegalArgumentException.class, () -> new ElectricityPrice(-0.1, "EUR"));
        assertThrows(IllegalArgumentException.class, () -> new ElectricityPrice(0.1, "euro"));
        assertThrows(IllegalArgumentException.class, () -> ImpactRequest.of(new Interval(-1, -2, 0), grid()));
        assertThrows(IllegalArgumentException.class, () -> r.withGpu(null, 10.0));
        assertThrows(IllegalArgumentException.class, () -> new Amortisation(0, 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Amortisation(4, 1.5, "x"));
    }

    @Test
    void jsonBlockHasTheStableShape() {
        Impacts i = Impacts.compute(ImpactRequest.of(new Interval(KWH, 0.5 * KWH, 2 * KWH), grid()).withPue(1.0)
                .withPrice(new ElectricityPrice(0.2, "USD")));
        JsonNode j = i.toJson();
        assertEquals(400, j.get("operational_gco2e").get("value").asDouble(), 0);
        assertEquals(200, j.get("operational_gco2e").get("low").asDouble(), 0);
        assertEquals(800, j.get("operational_gco2e").get("high").asDouble(), 0);
        assertEquals(3.8, j.get("water_l").get("value").asDouble(), 1e-12);
        assertTrue(j.get("water_l").has("onsite") && j.get("water_l").has("offsite"));
        assertTrue(j.get("embodied_gco2e").get("value").isNull());
        assertTrue(j.get("embodied_gco2e").get("reason").asText().contains("no GPU"));
        assertEquals("USD", j.get("cost").get("currency").asText());
        assertEquals(0.2, j.get("cost").get("value").asDouble(), 1e-12);
        JsonNode ci = j.get("factors").get("carbon_intensity");
        assertEquals(400, ci.get("value").asDouble(), 0);
        assertEquals("gCO2e/kWh", ci.get("unit").asText());
        assertTrue(ci.get("year").isNull());
        assertEquals(0.9, j.get("interval_level").asDouble(), 0);
        assertEquals(2 * KWH, j.get("energy_j").get("high").asDouble(), 0);
        assertEquals(List.of("location", "interval_level", "energy_j", "energy_kwh", "facility_energy_kwh", "operational_gco2e",
                "water_l", "embodied_gco2e", "cost", "factors"), fieldNames(j));
    }

    @Test
    void energyAmountsAndDisplayUnits() {
        assertEquals(3.6e6, EnergyAmount.joules("1kWh"), 0);
        assertEquals(250, EnergyAmount.joules("250 J"), 0);
        assertEquals(3000, EnergyAmount.joules("3kJ"), 0);
        assertEquals(9000, EnergyAmount.joules("2.5Wh"), 0);
        assertEquals(3.6e9, EnergyAmount.joules("1 MWh"), 0);
        assertEquals(3.6e5, EnergyAmount.joules("1e-1kwh"), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> EnergyAmount.joules("1 MJ"));
        assertThrows(IllegalArgumentException.class, () -> EnergyAmount.joules("kWh"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EnergyAmount.joules("-1kWh")).getMessage().contains("negative"));
        assertEquals("999.0 g CO2e", ImpactText.co2e(999));
        assertEquals("1.500 kg CO2e", ImpactText.co2e(1500));
        assertEquals("2.500 t CO2e", ImpactText.co2e(2.5e6));
        assertEquals("1.950 L", ImpactText.litres(1.95));
        assertEquals("3,048,000 L", ImpactText.litres(3.048e6));
        assertEquals("0.5000 kWh", ImpactText.kwh(0.5));
        assertNull(Impacts.compute(ImpactRequest.of(Interval.exact(KWH), GridCatalog.direct(new Location.Direct(10, null)))).waterOffsite().interval());
    }

    private static List<String> fieldNames(JsonNode j) {
        List<String> out = new java.util.ArrayList<>();
        j.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static void assertInterval(double value, double low, double high, ImpactValue v) {
        assertTrue(v.isPresent(), () -> "absent: " + v.missingReason());
        assertEquals(value, v.interval().value(), 1e-9);
        assertEquals(low, v.interval().low(), 1e-9);
        assertEquals(high, v.interval().high(), 1e-9);
    }
}

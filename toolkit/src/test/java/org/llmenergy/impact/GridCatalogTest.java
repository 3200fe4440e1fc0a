package org.llmenergy.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each factor source, read from the mirrored files through the dataset catalog (sha256-checked). */
class GridCatalogTest {
    static GridCatalog catalog;

    @BeforeAll
    static void load() { catalog = GridCatalog.load(); }

    @Test
    void countryFigureComesFromCodeCarbonWithItsYear() {
        GridFactors fra = catalog.grid(new Location.Country("FRA"));
        assertEquals(56.039, fra.carbonIntensity().value(), 0);
        assertEquals(2023, fra.carbonIntensity().year());
        assertTrue(fra.carbonIntensity().source().contains("Our World in Data"), fra.carbonIntensity().source());
        assertEquals("France", fra.name());
        assertEquals(380.95, catalog.grid(Location.region("deu")).carbonIntensity().value(), 0);
        assertEquals(213, catalog.countryCodes().size());
    }

    @Test
    void countryGridWaterAndOtherFactorsComeFromEcoLogits() {
        GridFactors fra = catalog.grid(new Location.Country("FRA"));
        assertEquals(3.6737, fra.water().value(), 0);
        assertEquals(9.3135, fra.primaryEnergy().value(), 0);
        assertEquals(4.858e-8, fra.adpe().value(), 0);
        assertNull(fra.water().year(), "EcoLogits' file gives no year");
        GridFactors eco = catalog.grid(new Location.Country("FRA"), GridSource.ECOLOGITS);
        assertEquals(44.18, eco.carbonIntensity().value(), 1e-9, "gwp 0.04418 kg/kWh in g/kWh");
    }

    @Test
    void cloudRegionTakesTheProvidersFigureAndSource() {
        GridFactors be = catalog.grid(Location.CloudRegion.parse("GCP:europe-west1"));
        assertEquals(122, be.carbonIntensity().value(), 0);
        assertEquals("https://cloud.google.com/sustainability/region-carbon#data", be.carbonIntensity().source());
        assertEquals(2.6198, be.water().value(), 0, "host country BEL's EcoLogits water");
        assertEquals(Datacenter.PUE_GOOGLE_FLEET, Datacenter.pue(null, be.location()));
        assertEquals(Datacenter.PUE_INDUSTRY_AVERAGE, Datacenter.pue(null, new Location.Country("BEL")));
        GridFactors sg = catalog.grid(Location.CloudRegion.parse("gcp:asia-southeast1"));
        assertEquals(369, sg.carbonIntensity().value(), 0);
        assertNull(sg.water());
        assertTrue(sg.waterMissing().contains("SGP"), sg.waterMissing());
    }

    @Test
    void worldAverageOnlyByNameFromEcoLogitsWor() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> catalog.grid(Location.region("WOR"))).getMessage()
                .contains("--region world"));
        GridFactors w = catalog.grid(Location.region("world"));
        assertEquals(473.01, w.carbonIntensity().value(), 1e-9);
        assertEquals(3.908, w.water().value(), 0);
        assertThrows(NullPointerException.class, () -> ImpactRequest.of(org.llmenergy.units.Interval.exact(1), null),
                "no location, no figures");
    }

    @Test
    void convenienceForOtherCommandsParsesCountriesAndCloudRegions() {
        org.llmenergy.units.Interval e = new org.llmenergy.units.Interval(3.6e6, 1.8e6, 7.2e6);
        Impacts deu = Impacts.at(e, "DEU");
        assertEquals(380.95 * 1.56, deu.operational().interval().value(), 1e-9, "default PUE: the survey average");
        assertEquals(380.95 * 1.56 * 2, deu.operational().interval().high(), 1e-9);
        assertEquals(122 * 1.10, Impacts.at(e, "gcp:europe-west1").operational().interval().value(), 1e-9);
    }

    @Test
    void regionWithoutAFigureIsNullWithReason() {
        GridFactors caf = catalog.grid(new Location.Country("CAF"));
        assertNull(caf.carbonIntensity());
        assertTrue(caf.carbonMissing().contains("0 gCO2e/kWh"), caf.carbonMissing());
        assertNull(caf.water());
        assertTrue(caf.waterMissing().contains("CAF"), caf.waterMissing());
    }

    @Test
    void unknownRegionsListTheClosestMatches() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> catalog.grid(Location.region("Frnace")));
        assertTrue(e.getMessage().contains("closest: FRA (France)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> catalog.grid(new Location.Country("XYZ")));
        assertTrue(e.getMessage().startsWith("unknown region 'XYZ'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> catalog.grid(Location.CloudRegion.parse("gcp:europe-west99")));
        assertTrue(e.getMessage().contains("gcp:europe-west9"), e.getMessage());
        assertEquals("FRA", ((Location.Country) new Location.Country("FRA")).iso3());
        assertEquals(new Location.Country("FRA"), catalog.grid(Location.region("France")).location());
    }

    @Test
    void impactCsvIsReadWithOrWithoutItsByteOrderMark(@TempDir Path dir) throws IOException {
        String body = "provider,providerName,offsetRatio,region,regionName,country_name,countryIsoCode,state,city,impact,source,comment\n"
                + "gcp,Google Cloud Platform,100,x-1,,France,FRA,,Paris,34,https://example.org/s,\n";
        Path bom = dir.resolve("bom.csv");
        Files.writeString(bom, "\uFEFF" + body, StandardCharsets.UTF_8);
        Path plain = dir.resolve("plain.csv");
        Files.writeString(plain, body, StandardCharsets.UTF_8);
        assertEquals(34, CloudRegions.read(bom).get("gcp:x-1").gPerKwh(), 0);
        assertEquals(CloudRegions.read(plain), CloudRegions.read(bom));
    }

    @Test
    void malformedFactorFilesNameFileLineAndField(@TempDir Path dir) throws IOException {
        Path cloud = dir.resolve("impact.csv");
        Files.writeString(cloud, "provider,region,countryIsoCode,country_name,city,impact,source\ngcp,a,FRA,France,Paris,34,s\n"
                + "gcp,b,FRA,France,Paris,lots,s\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CloudRegions.read(cloud));
        assertTrue(e.getMessage().contains("impact.csv:3:6 (impact): not a finite number"), e.getMessage());

        Path mixes = dir.resolve("mixes.csv");
        Files.writeString(mixes, "name,adpe,pe,gwp,wue\nFRA,0.1,1,-0.2,3\n");
        e = assertThrows(IllegalArgumentException.class, () -> EcologitsMixes.read(mixes));
        assertTrue(e.getMessage().contains("mixes.csv:2:4 (gwp): is negative"), e.getMessage());

        Path json = dir.resolve("mix.json");
        Files.writeString(json, "{\"FRA\": {\"country_name\": \"France\", \"year\": 2023}}");
        e = assertThrows(IllegalArgumentException.class, () -> CountryIntensities.read(json));
        assertTrue(e.getMessage().contains("country 'FRA': field 'carbon_intensity'"), e.getMessage());
    }
}

package org.llmenergy.impact;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.llmenergy.data.DatasetResolver;
import org.llmenergy.data.Datasets;

/**
 * Grid factors by country (ISO-3), cloud region and the world average, read from the dataset catalog's
 * {@code codecarbon-grid} and {@code ecologits-mixes} files. Carbon intensity of a country comes from CodeCarbon
 * (Our World in Data / Ember, with the figure's year) unless {@link GridSource#ECOLOGITS} is asked for; a cloud
 * region's from the provider's own figure in impact.csv; the world's from EcoLogits' {@code WOR} zone. Grid water,
 * primary energy and ADPe come from EcoLogits, for the host country of a cloud region.
 */
public final class GridCatalog {
    /** Intensities above this many gCO2e/kWh are rejected as absurd (coal plants emit about 1,000). */
    public static final double MAX_INTENSITY = 2000;
    /** Catalog id of CodeCarbon's grid files. */
    public static final String CODECARBON_ID = "codecarbon-grid";
    /** Catalog id of EcoLogits' electricity mixes. */
    public static final String ECOLOGITS_ID = "ecologits-mixes";
    static final String COUNTRIES_PATH = "codecarbon/data/private_infra/global_energy_mix.json";
    static final String CLOUD_PATH = "codecarbon/data/cloud/impact.csv";
    static final String MIXES_PATH = "ecologits/data/electricity_mixes.csv";

    private final Map<String, CountryIntensities.Country> countries;
    private final Map<String, CloudRegions.Region> clouds;
    private final Map<String, EcologitsMixes.Zone> zones;

    private GridCatalog(Map<String, CountryIntensities.Country> countries, Map<String, CloudRegions.Region> clouds,
                        Map<String, EcologitsMixes.Zone> zones) {
        this.countries = countries;
        this.clouds = clouds;
        this.zones = zones;
    }

    /** @return the catalog from the files the environment's dataset resolver finds (mirror, cache or download) */
    public static GridCatalog load() { return load(Datasets.resolver()); }

    /** @return the catalog from the files {@code resolver} finds, each checked against its sha256 */
    public static GridCatalog load(DatasetResolver resolver) {
        return fromFiles(resolver.resolveFile(CODECARBON_ID, COUNTRIES_PATH).path(),
                resolver.resolveFile(CODECARBON_ID, CLOUD_PATH).path(),
                resolver.resolveFile(ECOLOGITS_ID, MIXES_PATH).path());
    }

    /**
     * @param countriesJson CodeCarbon's global_energy_mix.json
     * @param cloudCsv      CodeCarbon's impact.csv
     * @param mixesCsv      EcoLogits' electricity_mixes.csv
     * @return the catalog over these files (not verified: for tests and users' own copies)
     */
    public static GridCatalog fromFiles(Path countriesJson, Path cloudCsv, Path mixesCsv) {
        return new GridCatalog(CountryIntensities.read(countriesJson), CloudRegions.read(cloudCsv), EcologitsMixes.read(mixesCsv));
    }

    /** @return the ISO-3 codes with a CodeCarbon figure, in file order */
    public List<String> countryCodes() { return List.copyOf(countries.keySet()); }

    /** @return the factors of {@code location} with CodeCarbon's country figures */
    public GridFactors grid(Location location) { return grid(location, GridSource.CODECARBON); }

    /**
     * @param location where
     * @param source   which published intensity a country takes
     * @return its grid factors, each present or absent with the reason
     * @throws IllegalArgumentException for an unknown country or cloud region, listing the closest matches
     */
    public GridFactors grid(Location location, GridSource source) {
        // Java 17: no pattern switch yet, so the sealed cases are tested in turn.
        if (location instanceof Location.Country c) return country(c, source);
        if (location instanceof Location.NamedRegion n) return country(byName(n.name()), source);
        if (location instanceof Location.World) return world();
        if (location instanceof Location.CloudRegion r) return cloud(r);
        return direct((Location.Direct) location);
    }

    /** @return the factors of a grid the user describes; needs no data files */
    public static GridFactors direct(Location.Direct d) {
        return new GridFactors(d, "user grid", Factor.user(d.gco2ePerKwh(), "gCO2e/kWh", "--grid-intensity"), null,
                d.waterLPerKwh() == null ? null : Factor.user(d.waterLPerKwh(), "L/kWh", "--grid-water"), null, null,
                d.waterLPerKwh() == null ? "no grid water factor given (--grid-water L/kWh)" : null);
    }

    /**
     * Checks a carbon intensity.
     *
     * @throws IllegalArgumentException when it is negative, not finite or above {@link #MAX_INTENSITY}
     */
    public static void checkIntensity(double gPerKwh, String what) {
        if (!Double.isFinite(gPerKwh) || gPerKwh < 0) {
            throw new IllegalArgumentException(what + " must be a finite number of gCO2e/kWh >= 0, got " + gPerKwh);
        }
        if (gPerKwh > MAX_INTENSITY) {
            throw new IllegalArgumentException(what + " of " + gPerKwh + " gCO2e/kWh is above " + (int) MAX_INTENSITY
                    + " gCO2e/kWh, more than any grid emits (coal generation is about 1,000); is the unit g/kWh?");
        }
    }

    private Location.Country byName(String name) {
        for (CountryIntensities.Country c : countries.values()) {
            if (c.name().equalsIgnoreCase(name.trim())) return new Location.Country(c.iso3());
        }
        throw unknownCountry(name);
    }

    private GridFactors country(Location.Country c, GridSource source) {
        if (c.iso3().equals(EcologitsMixes.WORLD)) {
            throw new IllegalArgumentException("'" + c.iso3() + "' is not a country; the world average is --region world");
        }
        CountryIntensities.Country row = countries.get(c.iso3());
        EcologitsMixes.Zone zone = zones.get(c.iso3());
        if (row == null && zone == null) throw unknownCountry(c.iso3());
        String name = row != null ? row.name() : c.iso3();
        Factor intensity = null;
        String missing = null;
        if (source == GridSource.ECOLOGITS) {
            if (zone != null) intensity = gwp(zone);
            else missing = "EcoLogits has no electricity mix for " + c.iso3() + " (it has " + (zones.size() - 1) + " countries and WOR)";
        } else if (row == null) {
            missing = "CodeCarbon's global_energy_mix.json has no figure for " + c.iso3();
        } else if (row.gPerKwh() == 0) {
            // A zero here is a grid whose mix the source counts as all zero-emission (CAF: 0.15 TWh, all hydro), which
            // leaves out the life-cycle emissions of that generation; a 0 is not shown as if it were a figure.
            missing = "the file gives 0 gCO2e/kWh for " + row.name() + " (" + row.year() + ", " + row.totalTwh()
                    + " TWh, no fossil generation); life-cycle emissions of its generation are not counted, so no figure is used";
        } else {
            checkIntensity(row.gPerKwh(), CountryIntensities.SOURCE + " for " + c.iso3());
            intensity = new Factor(row.gPerKwh(), "gCO2e/kWh", CountryIntensities.SOURCE, row.year(), "location-based grid average");
        }
        return withZone(c, name, intensity, missing, zone, c.iso3());
    }

    private GridFactors world() {
        EcologitsMixes.Zone zone = zones.get(EcologitsMixes.WORLD);
        if (zone == null) throw new IllegalArgumentException("EcoLogits' electricity_mixes.csv has no world zone " + EcologitsMixes.WORLD);
        return withZone(new Location.World(), "world average", gwp(zone), null, zone, EcologitsMixes.WORLD);
    }

    private GridFactors cloud(Location.CloudRegion r) {
        CloudRegions.Region row = clouds.get(r.label());
        if (row == null) {
            Map<String, String> choices = new LinkedHashMap<>();
            for (String k : clouds.keySet()) choices.put(k, k);
            List<String> providers = clouds.values().stream().map(CloudRegions.Region::provider).distinct().toList();
            throw new IllegalArgumentException("unknown cloud region '" + r.label() + "'; closest: "
                    + String.join(", ", Nearest.of(r.label(), choices, 5)) + " (impact.csv lists " + clouds.size()
                    + " regions of " + String.join(", ", providers) + ")");
        }
        checkIntensity(row.gPerKwh(), "impact.csv " + r.label());
        Factor intensity = new Factor(row.gPerKwh(), "gCO2e/kWh", row.source().isEmpty() ? r.provider() : row.source(), null,
                "the provider's published grid intensity for " + r.label() + ", via CodeCarbon impact.csv (no year given)");
        String name = r.label() + " (" + row.countryName() + (row.city().isEmpty() ? "" : ", " + row.city()) + ")";
        return withZone(r, name, intensity, null, zones.get(row.iso3()), row.iso3());
    }

    private GridFactors withZone(Location where, String name, Factor intensity, String missing, EcologitsMixes.Zone zone, String zoneName) {
        if (zone == null) {
            return new GridFactors(where, name, intensity, missing, null, null, null,
                    "EcoLogits has no electricity mix for " + zoneName + ", so no grid water, primary energy or ADPe factor");
        }
        String note = "zone " + zone.zone() + "; the file gives no year";
        return new GridFactors(where, name, intensity, missing,
                new Factor(zone.waterL(), "L/kWh", EcologitsMixes.SOURCE, null, note),
                new Factor(zone.pe(), "MJ/kWh", EcologitsMixes.SOURCE, null, note),
                new Factor(zone.adpe(), "kgSbeq/kWh", EcologitsMixes.SOURCE, null, note), null);
    }

    private static Factor gwp(EcologitsMixes.Zone zone) {
        return new Factor(zone.gwpKg() * 1000, "gCO2e/kWh", EcologitsMixes.SOURCE, null, "zone " + zone.zone() + " GWP; the file gives no year");
    }

    private IllegalArgumentException unknownCountry(String query) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (CountryIntensities.Country c : countries.values()) choices.put(c.iso3(), c.iso3() + " (" + c.name() + ")");
        return new IllegalArgumentException("unknown region '" + query + "'; closest: " + String.join(", ", Nearest.of(query, choices, 5))
                + " (ISO-3 country codes, or 'world' for the world average)");
    }

    /** @return the country name of an ISO-3 code, if the catalog knows it */
    public Optional<String> countryName(String iso3) {
        return Optional.ofNullable(countries.get(iso3.toUpperCase(Locale.ROOT))).map(CountryIntensities.Country::name);
    }
}

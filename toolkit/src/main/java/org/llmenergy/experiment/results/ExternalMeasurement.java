package org.llmenergy.experiment.results;

import java.util.List;
import java.util.Map;

/**
 * A results-file line for an energy measured by another tool and imported, labelled as such: it is not one of the
 * toolkit's measurements and carries no cell, batch or tokens. {@link ResultsReader} reads it like any record
 * ({@code schema}, {@code type}, {@code specHash}, {@code cellKey}); the sweep code skips it because its type is
 * {@value #TYPE}, not {@value ResultRecord#MEASUREMENT}.
 *
 * @param schema        {@value ResultRecord#SCHEMA}
 * @param type          {@value #TYPE}
 * @param specHash      {@code external:<tool>}, for example {@code external:codecarbon}
 * @param cellKey       identifies the imported row within the tool's output, for example {@code project|run|timestamp}
 * @param tool          the tool that measured it, for example {@code codecarbon}
 * @param label         a sentence saying what this record is
 * @param importedFrom  {@code file:line} it was read from
 * @param importedAt    ISO-8601 instant of the import
 * @param timestamp     the tool's own timestamp, as written (its zone may be unknown)
 * @param durationS     duration, seconds, or null
 * @param energyJ       total energy, J, or null
 * @param energyMissing why {@code energyJ} is null, else null
 * @param componentsJ   energy per component ({@code cpu}, {@code gpu}, {@code ram}), J; a component without a usable
 *                      figure is absent and named in {@code caveats}
 * @param emissionsKg   the tool's own emissions figure, kgCO2e (its factors, no interval), or null
 * @param location      where the tool said it ran (country, region, cloud), as given
 * @param hardware      what the tool said it ran on (CPU and GPU models and counts), as given
 * @param caveats       what the imported figures do not say or may get wrong
 * @param original      the imported row, column → value, unchanged
 */
public record ExternalMeasurement(int schema, String type, String specHash, String cellKey, String tool, String label,
                                  String importedFrom, String importedAt, String timestamp, Double durationS, Double energyJ,
                                  String energyMissing, Map<String, Double> componentsJ, Double emissionsKg,
                                  Map<String, String> location, Map<String, String> hardware, List<String> caveats,
                                  Map<String, String> original) {
    /** {@link #type()} of an imported external measurement. */
    public static final String TYPE = "external";

    public ExternalMeasurement {
        if ((energyJ == null) == (energyMissing == null)) {
            throw new IllegalArgumentException(importedFrom + ": an external energy needs either a value or a reason it is missing");
        }
        componentsJ = componentsJ == null ? Map.of() : new java.util.TreeMap<>(componentsJ);
        location = location == null ? Map.of() : new java.util.TreeMap<>(location);
        hardware = hardware == null ? Map.of() : new java.util.TreeMap<>(hardware);
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
        original = original == null ? Map.of() : new java.util.LinkedHashMap<>(original);
    }
}

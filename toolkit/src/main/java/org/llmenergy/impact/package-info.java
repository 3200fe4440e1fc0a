/**
 * Impacts of energy: operational CO2e, water and cost from joules, and the embodied emissions of the GPUs used,
 * each figure with its provenance. Uses {@code units} and {@code data} only; {@code estimate}, {@code report} and
 * {@code cli} use it.
 *
 * <ul>
 *   <li>Factors: {@link org.llmenergy.impact.Factor} (value, unit, source, year) for every number taken from
 *       elsewhere. {@link org.llmenergy.impact.GridCatalog} reads grid factors from the dataset catalog's
 *       {@code codecarbon-grid} (countries by ISO-3 with year; cloud regions with the provider's source) and
 *       {@code ecologits-mixes} (GWP, water, primary energy, ADPe per zone) files;
 *       {@link org.llmenergy.impact.Location} says where: a country, a cloud region, the world average (only when
 *       asked for) or a user's own intensity. {@link org.llmenergy.impact.Datacenter} holds the PUE and WUE
 *       defaults with their sources; {@link org.llmenergy.impact.Embodied} the GPU manufacturing footprints and
 *       their amortisation ({@link org.llmenergy.impact.Amortisation}).</li>
 *   <li>The calculator: {@link org.llmenergy.impact.Impacts#compute} turns an energy
 *       {@link org.llmenergy.units.Interval} in joules ({@link org.llmenergy.impact.ImpactRequest}) into
 *       operational gCO2e, litres of water, cost and embodied gCO2e, each an interval or absent with a reason
 *       ({@link org.llmenergy.impact.ImpactValue}); {@link org.llmenergy.impact.Impacts#toJson()} is the stable JSON
 *       block other commands attach.</li>
 *   <li>CodeCarbon's {@code emissions.csv} layout: {@link org.llmenergy.impact.CodeCarbonCsv} reads and appends rows
 *       ({@link org.llmenergy.impact.CodeCarbonRow}).</li>
 * </ul>
 *
 * Nothing is computed without a location or explicit factors: the world average is used only for
 * {@link org.llmenergy.impact.Location.World}.
 */
package org.llmenergy.impact;

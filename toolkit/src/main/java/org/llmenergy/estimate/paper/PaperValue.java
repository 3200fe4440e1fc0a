package org.llmenergy.estimate.paper;

import org.llmenergy.units.Provenance;

/**
 * A single number the paper states in its text (or marks on a figure).
 *
 * @param id         stable identifier, for example {@code "tp2-energy-increase"}
 * @param value      the number
 * @param unit       its unit, for example {@code "%"} or {@code "W"}
 * @param where      where in the paper
 * @param what       what it measures
 * @param provenance {@code paper-published}, or {@code paper-digitized} for values read off a figure
 */
public record PaperValue(String id, double value, String unit, String where, String what, Provenance provenance) {}

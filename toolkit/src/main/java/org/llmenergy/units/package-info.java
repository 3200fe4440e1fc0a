/**
 * Physical quantities and their vocabulary: energy in joules, power in watts, time in seconds, with
 * kWh/Wh only for display; and {@link org.llmenergy.units.Provenance}, how an energy figure was obtained,
 * which every layer above shares; {@link org.llmenergy.units.MissingValue}, the rule of values that may be missing
 * with a reason. Depends on nothing else in the toolkit.
 */
package org.llmenergy.units;

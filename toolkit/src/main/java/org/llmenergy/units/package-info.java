/**
 * Physical quantities and their vocabulary: energy in joules, power in watts, time in seconds, with
 * kWh/Wh only for display; and {@link org.llmenergy.units.Provenance}, how an energy figure was obtained,
 * which every layer above shares. Depends on nothing else in the toolkit.
 */
package org.llmenergy.units;

/**
 * Physical quantities and their vocabulary: energy in joules, power in watts, time in seconds, with
 * kWh/Wh only for display; and {@link org.llmenergy.units.Provenance}, how an energy figure was obtained,
 * which every layer above shares: built with {@link org.llmenergy.units.Provenance#builder()}, with typed
 * {@link org.llmenergy.units.Provenance.Flag}s and, for figures computed from others,
 * {@link org.llmenergy.units.Provenance#derivedFrom(java.util.Collection)}.
 * {@link org.llmenergy.units.ValueOrReason} is the rule of values that may be missing with a reason. Depends on
 * nothing else in the toolkit.
 */
package org.llmenergy.units;

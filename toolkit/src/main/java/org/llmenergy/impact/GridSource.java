package org.llmenergy.impact;

/** Which published carbon intensity a country's figure is taken from. */
public enum GridSource {
    /** CodeCarbon's global_energy_mix.json (Our World in Data / Ember), with the figure's year; the default. */
    CODECARBON,
    /** EcoLogits' electricity_mixes.csv GWP (ADEME Base Empreinte), 51 zones, no year. */
    ECOLOGITS
}

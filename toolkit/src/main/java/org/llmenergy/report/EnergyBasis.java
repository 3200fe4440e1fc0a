package org.llmenergy.report;

/** Which energy figure of a measurement to plot. */
public enum EnergyBasis {
    /** As metered. The paper's numbers are gross GPU energy (it subtracts no idle power; digest section 2.6). */
    GROSS,
    /** Minus idle power times the window's duration. */
    NET
}

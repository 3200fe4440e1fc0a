package org.llmenergy.estimate.calibrated;

/** A model, GPU or setting the calibrated model cannot represent; the message says why. */
public final class UnsupportedConfigurationException extends IllegalArgumentException {
    public UnsupportedConfigurationException(String reason) { super(reason); }
}

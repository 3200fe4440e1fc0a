package org.llmenergy.hardware;

import java.util.Locale;

/** Who makes an accelerator; decides which telemetry and software stacks can apply to it. */
public enum Vendor {
    NVIDIA,
    AMD,
    INTEL;

    /**
     * @param text the catalog's vendor cell, case-insensitive
     * @return the vendor
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Vendor parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown vendor '" + text + "' (accepted: NVIDIA, AMD, Intel)", e);
        }
    }
}

package org.llmenergy.impact;

import java.util.Locale;

/**
 * What a kWh of electricity costs, in a stated currency. There is no default price.
 *
 * @param perKwh   price per kWh of facility energy, {@code currency}/kWh, >= 0
 * @param currency ISO 4217 code, for example {@code EUR}
 */
public record ElectricityPrice(double perKwh, String currency) {
    public ElectricityPrice {
        if (!Double.isFinite(perKwh) || perKwh < 0) {
            throw new IllegalArgumentException("--price-per-kwh must be a finite number >= 0, got " + perKwh);
        }
        if (currency == null || !currency.trim().matches("[A-Za-z]{3}")) {
            throw new IllegalArgumentException("--currency must be an ISO 4217 code such as EUR or USD, got '" + currency + "'");
        }
        currency = currency.trim().toUpperCase(Locale.ROOT);
    }

    /** @return the price as a factor with the user as its source */
    public Factor factor() { return Factor.user(perKwh, currency + "/kWh", "--price-per-kwh"); }
}

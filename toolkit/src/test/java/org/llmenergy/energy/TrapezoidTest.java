package org.llmenergy.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrapezoidTest {
    @Test
    void integratesALinearRampExactlyAndInterpolatesAtTheBounds() {
        double[] t = {0, 1, 2, 3};
        double[] w = {0, 10, 20, 30}; // P = 10 t
        assertEquals(45, Trapezoid.integrate(t, w, 0, 3), 1e-12);
        // ∫_0.5^2.5 10t dt = 5 (2.5² - 0.5²) = 30
        assertEquals(30, Trapezoid.integrate(t, w, 0.5, 2.5), 1e-12);
    }

    @Test
    void skipsMissingSamplesAndBridgesOverThem() {
        double[] t = {0, 1, 2};
        double[] w = {100, Double.NaN, 100};
        assertEquals(200, Trapezoid.integrate(t, w, 0, 2), 1e-12);
    }

    @Test
    void neverExtrapolatesBeyondTheSamples() {
        double[] t = {0.5, 1, 2};
        double[] w = {100, 100, 100};
        assertTrue(Double.isNaN(Trapezoid.integrate(t, w, 0, 2)), "start not covered");
        assertTrue(Double.isNaN(Trapezoid.integrate(t, w, 0.5, 2.5)), "end not covered");
        assertTrue(Double.isNaN(Trapezoid.integrate(new double[] {1}, new double[] {5}, 1, 1)), "one sample");
    }
}

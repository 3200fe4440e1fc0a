package org.llmenergy.model;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PrecisionTest {
    @Test
    void bytesPerElementIncludingSharedScales() {
        assertEquals(2.0, Precision.BF16.bytesPerElement());
        assertEquals(1.0, Precision.FP8.bytesPerElement());
        assertEquals(0.5, Precision.INT4.bytesPerElement());
        assertEquals(4.25 / 8, Precision.MXFP4.bytesPerElement(), "4 bits plus an 8-bit scale per 32 elements");
        assertEquals(17, Precision.MXFP4.bytesFor(32));
        assertEquals(2, Precision.INT4.bytesFor(3), "rounded up to whole bytes");
        assertEquals(16_060_000_000L, Precision.BF16.bytesFor(8_030_000_000L));
    }

    @Test
    void parsesTheSpellingsOfMlEnergyAndHuggingFace() {
        assertEquals(Precision.BF16, Precision.parse("bfloat16"));
        assertEquals(Precision.BF16, Precision.parse("BF16"));
        assertEquals(Precision.FP8, Precision.parse("fp8"));
        assertEquals(Precision.FP8, Precision.parse("float8_e4m3fn"));
        assertEquals(Precision.MXFP4, Precision.parse("mxfp4"));
        assertEquals(Precision.FP16, Precision.parse(" float16 "));
        assertEquals(Precision.INT4, Precision.parse("awq"));
        var e = assertThrows(IllegalArgumentException.class, () -> Precision.parse("fp6"));
        assertTrue(e.getMessage().contains("'fp6'") && e.getMessage().contains("mxfp4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Precision.parse(null));
    }
}

package org.llmenergy.model;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SlidingWindowTest {
    @Test
    void patternsByLayer() {
        SlidingWindow gemma2 = SlidingWindow.withGlobalEvery(4096, 2);
        assertTrue(gemma2.isLocal(0));
        assertFalse(gemma2.isLocal(1));
        assertEquals(21, gemma2.localLayers(42));
        SlidingWindow gemma3 = SlidingWindow.withGlobalEvery(1024, 6);
        for (int i = 0; i < 5; i++) assertTrue(gemma3.isLocal(i), "layer " + i);
        assertFalse(gemma3.isLocal(5));
        assertEquals(0, SlidingWindow.NONE.localLayers(32));
        assertFalse(SlidingWindow.NONE.present());
        assertEquals(7, SlidingWindow.everyLayer(4096).localLayers(7));
    }

    @Test
    void rejectsMeaninglessPatterns() {
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindow(0, 2));
        assertThrows(IllegalArgumentException.class, () -> SlidingWindow.everyLayer(0));
        assertThrows(IllegalArgumentException.class, () -> SlidingWindow.withGlobalEvery(1024, 1));
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindow(-1, 1));
    }
}

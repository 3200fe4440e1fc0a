package org.llmenergy.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CudaVisibleDevicesTest {
    @Test
    void parsesIndicesAndUuidsInOrder() {
        assertNull(CudaVisibleDevices.parse(null));
        assertEquals(List.of(), CudaVisibleDevices.parse(" "));
        assertEquals(List.of(new CudaVisibleDevices.Entry(0, 3, null), new CudaVisibleDevices.Entry(1, null, "GPU-8f2"),
                new CudaVisibleDevices.Entry(2, 0, null)), CudaVisibleDevices.parse("3, GPU-8f2 ,0"));
    }

    @Test
    void refusesMigAndGarbageNamingTheEntry() {
        MeterUnavailableException mig = assertThrows(MeterUnavailableException.class,
                () -> CudaVisibleDevices.parse("0,MIG-1234"));
        assertTrue(mig.getMessage().contains("entry 2 'MIG-1234' is a MIG instance"), mig.getMessage());
        MeterUnavailableException neg = assertThrows(MeterUnavailableException.class, () -> CudaVisibleDevices.parse("-1"));
        assertTrue(neg.getMessage().contains("entry 1 '-1' is neither"), neg.getMessage());
    }
}

package org.llmenergy.inference;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.junit.jupiter.api.Test;

/** The engine's OpenMP threads wait passively (issue 10, item 7; before/after in benchmarks' SpinWaitEnergy). */
class WaitPolicyTest {
    private interface LibC extends Library {
        String getenv(String name);
    }

    @Test
    void libgompSeesAPassivePolicyInTheNativeEnvironmentUnlessTheUserChoseOne() {
        WaitPolicy.apply();
        String user = System.getenv("OMP_WAIT_POLICY");
        String seen = Native.load("c", LibC.class).getenv("OMP_WAIT_POLICY");
        if (user == null) {
            // before the fix nothing set it, and libgomp's threads spun at every barrier
            assertEquals("PASSIVE", seen);
            assertEquals("PASSIVE (set by llm-energy)", WaitPolicy.describe());
        } else {
            assertEquals(user, seen);
            assertTrue(WaitPolicy.describe().endsWith("(set by the user)"));
        }
    }
}

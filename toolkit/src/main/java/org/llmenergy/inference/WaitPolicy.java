package org.llmenergy.inference;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Makes the engine's OpenMP threads sleep instead of spin while they wait for work. libtorch's CPU kernels run
 * on libgomp, whose threads by default spin for a while at every barrier; on a machine shared with other work a
 * spinning thread burns CPU time that does no inference, and a CPU-time energy estimate counts it as energy
 * (decode energies were inflated up to 35x under contention, issue 10). {@code OMP_WAIT_POLICY=PASSIVE} (OpenMP
 * specification 5.2, section 21.6, 2021) makes them block instead.
 *
 * <p>libgomp reads the variable once, when it is loaded, so it is set in this process's native environment
 * (libc {@code setenv}) before libtorch loads: {@link #apply()} runs from the CLI's entry point and when
 * {@link InferenceEngine} is first used. A value the user set is kept; {@code -Dllmenergy.ompWaitPolicy=default}
 * leaves libgomp's own default, for comparisons.
 */
public final class WaitPolicy {
    private static final String VARIABLE = "OMP_WAIT_POLICY";
    private static String applied;

    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    private WaitPolicy() {}

    /** Sets {@code OMP_WAIT_POLICY=PASSIVE} unless it is set or opted out of; idempotent. */
    public static synchronized void apply() {
        if (applied != null) return;
        String user = System.getenv(VARIABLE);
        if (user != null) {
            applied = user + " (set by the user)";
        } else if ("default".equals(System.getProperty("llmenergy.ompWaitPolicy"))) {
            applied = "unset: libgomp's default (-Dllmenergy.ompWaitPolicy=default)";
        } else {
            try {
                LibC c = Native.load("c", LibC.class);
                applied = c.setenv(VARIABLE, "PASSIVE", 0) == 0 ? "PASSIVE (set by llm-energy)"
                        : "unset: setenv failed; OpenMP threads may spin";
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                applied = "unset: libc not reachable (" + e.getMessage() + "); OpenMP threads may spin";
            }
        }
    }

    /** @return the wait policy in effect and who chose it, for the environment record */
    public static synchronized String describe() {
        apply();
        return applied;
    }
}

package org.llmenergy.inference;

/**
 * Told when a run's phases begin and end, so a meter can open and close measurement windows on exactly the
 * engine's phase boundaries.
 *
 * <p>Calls happen on the thread that runs the model. Before every call the engine has already waited for the
 * device ({@link DeviceSync}), so all work of the previous phase is finished at an {@code END} edge and none of
 * the next has started at a {@code START} edge. The engine's own clock starts after {@code START} returns and
 * stops before {@code END} is called, so time spent in the listener is not counted as inference time.
 */
@FunctionalInterface
public interface PhaseListener {
    /** A listener that does nothing. */
    PhaseListener NONE = (phase, edge) -> { };

    /**
     * @param phase the phase
     * @param edge  whether it starts or ends
     */
    void onPhase(Phase phase, Phase.Edge edge);
}

package org.llmenergy.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Catches SIGINT and SIGTERM while a measured command runs, instead of the JVM's default of exiting at once
 * (which lost the measurement and left the command running), and restores the previous handlers on close.
 * Uses {@code sun.misc.Signal} (module {@code jdk.unsupported}), the JDK's only way to handle a signal; where it
 * cannot be installed the default behaviour stays.
 */
final class SignalForwarding implements AutoCloseable {
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private SignalForwarding() {}

    /** @param onSignal receives {@code INT} or {@code TERM}, on the JVM's signal thread */
    static SignalForwarding install(Consumer<String> onSignal) {
        SignalForwarding f = new SignalForwarding();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal s = new Signal(name);
                SignalHandler old = Signal.handle(s, sig -> onSignal.accept(sig.getName()));
                f.signals.add(s);
                f.previous.add(old);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // the JVM runs with -Xrs, or the platform lacks the signal: keep its default
            }
        }
        return f;
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) Signal.handle(signals.get(i), previous.get(i));
    }
}

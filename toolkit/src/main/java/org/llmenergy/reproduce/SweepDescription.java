package org.llmenergy.reproduce;

import java.util.List;
import java.util.Objects;
import org.llmenergy.experiment.results.ResultRecord;

/** What the report says about the sweep it ran: how much was measured, where, and with which meter. */
final class SweepDescription {
    private SweepDescription() {}

    /** @return one line on what the sweep measured and with which meter */
    static String of(List<ResultRecord> sweep) {
        long failed = sweep.stream().filter(ResultRecord::isFailure).count();
        long measured = sweep.size() - failed;
        String cpu = sweep.stream().map(r -> r.environment().cpuModel()).filter(Objects::nonNull).findFirst().orElse("unknown CPU");
        String source = measuredSource(sweep);
        return measured + " measured repeats and " + failed + " failures of the tiny-15m preset on " + cpu
                + "; energy source " + source + (source.contains("estimate")
                ? " (an ESTIMATE: CPU time x per-thread power; this machine exposes no energy counter)" : "");
    }

    /** @return the provenance label of the sweep's first measurement, or {@code "no measurement"} */
    static String measuredSource(List<ResultRecord> sweep) {
        return sweep.stream().filter(r -> r.measurement() != null)
                .map(r -> r.measurement().energy().total().gross().provenance())
                .filter(Objects::nonNull).map(pr -> pr.source().label()).findFirst().orElse("no measurement");
    }
}

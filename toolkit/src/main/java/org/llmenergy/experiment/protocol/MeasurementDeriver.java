package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.CellRun;
import org.llmenergy.experiment.results.EnergyAmounts;
import org.llmenergy.experiment.results.IdlePower;
import org.llmenergy.experiment.results.PhaseEnergies;
import org.llmenergy.experiment.results.PhaseEnergy;
import org.llmenergy.experiment.results.RepeatMeasurement;
import org.llmenergy.experiment.results.Throughput;

import java.util.List;
import org.llmenergy.energy.EnergyFigure;
import org.llmenergy.units.Provenance;

/**
 * Turns a repeat's prefill run and full run into a {@link RepeatMeasurement}: the five {@link PhaseEnergy}s, each
 * gross and net of idle, normalised per 1,024 requests, per request and per token, plus throughput.
 */
final class MeasurementDeriver {
    /** The paper reports energy for 1,024 examples (digest §2.6–2.7). */
    static final int PAPER_EXAMPLES = 1024;

    private MeasurementDeriver() {}

    static RepeatMeasurement derive(RunPlan prefillPlan, CellRun prefill, RunPlan fullPlan, CellRun full, IdlePower idle,
                              int warmupBatches) {
        int n = fullPlan.examples();
        int in = fullPlan.inputTokens();
        int out = fullPlan.outputTokens();
        long inputTokens = (long) n * in;
        long decodeTokens = (long) n * (out - 1);
        long outputTokens = (long) n * out;

        PhaseEnergy total = figure("full-run", full.e2eS(), n, outputTokens, "output", full.energy(), idle);
        PhaseEnergy pre = figure("prefill-run", prefill.e2eS(), n, inputTokens, "input", prefill.energy(), idle);
        PhaseEnergy dec = out == 1
                ? missing("full-minus-prefill", n, 0, "an output of 1 token has no decode step")
                : subtraction(full, prefill, n, decodeTokens, idle);
        PhaseEnergy preWin = figure("phase-window", full.prefillS(), n, inputTokens, "input", full.prefillEnergy(), idle);
        PhaseEnergy decWin = out == 1
                ? missing("phase-window", n, 0, "an output of 1 token has no decode step")
                : figure("phase-window", full.decodeS(), n, decodeTokens, "decode", full.decodeEnergy(), idle);
        return new RepeatMeasurement(fullPlan.batchSize(), fullPlan.batches(), n, in, out, warmupBatches, prefill, full,
                new PhaseEnergies(total, pre, dec, preWin, decWin), throughput(fullPlan, full));
    }

    private static PhaseEnergy missing(String method, int requests, long tokens, String reason) {
        return new PhaseEnergy(method, null, requests, tokens, "decode", EnergyAmounts.missing(reason),
                EnergyAmounts.missing(reason));
    }

    private static PhaseEnergy figure(String method, Double seconds, int requests, long tokens, String kind,
                                       EnergyFigure reading, IdlePower idle) {
        EnergyAmounts gross = reading.isPresent()
                ? amounts(reading.joules(), seconds, requests, tokens, reading.provenance())
                : EnergyAmounts.missing(reading.missingReason());
        return new PhaseEnergy(method, seconds, requests, tokens, kind, gross, net(gross, seconds, requests, tokens, idle));
    }

    /**
     * Decode by subtraction: E(full run) − E(prefill run). Both runs process the same prompts, so the
     * difference is the energy of the O − 1 decode steps (digest §2.2, the 2^k − 1 x-positions).
     */
    private static PhaseEnergy subtraction(CellRun full, CellRun prefill, int requests, long tokens, IdlePower idle) {
        Double seconds = full.e2eS() - prefill.e2eS();
        EnergyAmounts gross;
        if (!full.energy().isPresent() || !prefill.energy().isPresent()) {
            gross = EnergyAmounts.missing("needs both runs' energy: full run "
                    + (full.energy().isPresent() ? "present" : "absent (" + full.energy().missingReason() + ")")
                    + ", prefill run " + (prefill.energy().isPresent() ? "present"
                    : "absent (" + prefill.energy().missingReason() + ")"));
        } else {
            double joules = full.energy().joules() - prefill.energy().joules();
            Provenance f = full.energy().provenance();
            Provenance p = prefill.energy().provenance();
            Provenance.Builder b = Provenance.derivedFrom(List.of(f, p)).optNetOfIdle(false);
            if (joules < 0) {
                b.invalid("decode by subtraction is negative (" + joules + " J): the prefill run cost more than the"
                        + " full run, so meter noise exceeds the decode energy").optFlag(Provenance.Flag.NEGATIVE);
            }
            if (f.source() != p.source()) {
                b.invalid("full and prefill runs were metered by different sources (" + f.source().label() + ", "
                        + p.source().label() + ")").optFlag(Provenance.Flag.MIXED_SOURCES);
            }
            Provenance prov = b.optDetail("method", "full-run energy minus prefill-run energy")
                    .optDetail("fullRunJ", Double.toString(full.energy().joules()))
                    .optDetail("prefillRunJ", Double.toString(prefill.energy().joules()))
                    .build();
            gross = amounts(joules, seconds, requests, tokens, prov);
        }
        return new PhaseEnergy("full-minus-prefill", seconds, requests, tokens, "decode", gross,
                net(gross, seconds, requests, tokens, idle));
    }

    private static EnergyAmounts amounts(double joules, Double seconds, int requests, long tokens, Provenance prov) {
        return new EnergyAmounts(joules, joules * PAPER_EXAMPLES / requests, joules / requests,
                tokens > 0 ? joules / tokens : null,
                seconds != null && seconds > 0 ? joules / seconds : null, prov, null);
    }

    private static EnergyAmounts net(EnergyAmounts gross, Double seconds, int requests, long tokens, IdlePower idle) {
        if (gross.joules() == null) return EnergyAmounts.missing(gross.missingReason());
        if (idle.watts() == null) return EnergyAmounts.missing("no idle baseline: " + idle.missingReason());
        if (seconds == null) return EnergyAmounts.missing("the window's duration was not reported");
        double idleJ = idle.watts() * seconds;
        double joules = gross.joules() - idleJ;
        Provenance.Builder b = gross.provenance().toBuilder().optNetOfIdle(true);
        if (idle.provenance() != null && !idle.provenance().valid()) {
            b.invalid("idle baseline invalid: " + idle.provenance().reasons())
                    .optFlag(Provenance.Flag.IDLE_BASELINE_INVALID);
        }
        if (joules < 0) {
            b.invalid("net energy is negative: idle power " + idle.watts() + " W exceeds the window's mean power")
                    .optFlag(Provenance.Flag.NEGATIVE);
        }
        b.optDetail("idleW", Double.toString(idle.watts())).optDetail("idleJ", Double.toString(idleJ));
        if (idle.provenance() != null) b.optDetail("idleSource", idle.provenance().source().label());
        Provenance prov = b.build();
        return amounts(joules, seconds, requests, tokens, prov);
    }

    private static Throughput throughput(RunPlan plan, CellRun full) {
        double s = full.e2eS();
        if (!(s > 0)) return new Throughput(null, null, null, null);
        return new Throughput(plan.examples() / s, full.outputTokens() / s, full.inputTokens() / s, s / plan.batches());
    }
}

package org.llmenergy.energy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.llmenergy.units.Provenance;
import org.llmenergy.units.Provenance.Flag;
import org.llmenergy.units.Provenance.Source;

/**
 * Turns one window's readings into a {@link Measurement}: the counter figure, the power integral, the
 * choice between them, their disagreement, net of idle, totals, and a provenance for each.
 */
final class MeasurementAssembler {
    /** A gap between power samples longer than this many intervals makes the integral invalid (InferenceX-style). */
    static final double MAX_GAP_INTERVALS = 3;
    /** Shortest window, in seconds, whose 1-s average power may arbitrate a counter-vs-instant disagreement. */
    static final double MIN_AVERAGE_CHECK_S = 2.0;
    /** Below this many counter periods per window, the counter's quantisation is stated as a caveat. */
    static final double QUANTISATION_PERIODS = 10;

    private final String name;
    private final SampleHistory.Slice s;
    private final MeterContext ctx;
    private final int n;
    private final double durationS;
    private final double[] tRel;
    private final double startEpochS;
    private final double endEpochS;

    private MeasurementAssembler(String name, SampleHistory.Slice s, MeterContext ctx) {
        this.name = name;
        this.s = s;
        this.ctx = ctx;
        this.n = s.size();
        long t0 = s.nanos()[0];
        this.durationS = (s.nanos()[n - 1] - t0) / 1e9;
        this.tRel = new double[n];
        for (int i = 0; i < n; i++) tRel[i] = (s.nanos()[i] - t0) / 1e9;
        this.startEpochS = ctx.epochS(t0);
        this.endEpochS = ctx.epochS(s.nanos()[n - 1]);
    }

    static Measurement assemble(String name, boolean keepSeries, SampleHistory.Slice slice,
                                List<TelemetrySample> telemetry, MeterContext ctx) {
        return new MeasurementAssembler(name, slice, ctx).build(keepSeries, telemetry);
    }

    private Measurement build(boolean keepSeries, List<TelemetrySample> telemetry) {
        List<DeviceEnergy> devices = new ArrayList<>();
        List<PowerSeries> series = new ArrayList<>();
        List<double[]> totalPowerRows = new ArrayList<>();
        for (int c = 0; c < ctx.channels().size(); c++) {
            Channel ch = ctx.channels().get(c);
            double[] power = channelPower(c, ch);
            devices.add(device(c, ch, power));
            if (ch.inTotal()) totalPowerRows.add(power);
            if (keepSeries) series.addAll(series(c, ch, power));
        }
        EnergyFigure total = total(devices, false);
        EnergyFigure totalNet = total(devices, true);
        Double mean = total.isPresent() && durationS > 0 ? total.joules() / durationS : null;
        return new Measurement(name, ctx.kind(), startEpochS, endEpochS, durationS, devices, total, totalNet,
                mean, peakOfSum(totalPowerRows), series, keepSeries ? telemetry : List.of(), total.provenance());
    }

    // ---- one channel -----------------------------------------------------------------------------------

    private DeviceEnergy device(int c, Channel ch, double[] power) {
        boolean lost = ctx.lostAtNanos()[c] != 0 && ctx.lostAtNanos()[c] <= s.nanos()[n - 1];
        String lostWhy = lost ? lostMessage(c) : null;
        EnergyFigure counter = counter(c, ch, lostWhy);
        EnergyFigure integral = integral(c, ch, lostWhy);

        Double disagreement = null;
        boolean flagged = false;
        EnergyFigure gross;
        if (counter.isPresent()) {
            gross = counter;
            if (integral.isPresent()) {
                double a = counter.joules();
                double b = integral.joules();
                disagreement = Math.max(a, b) > 0 ? Math.abs(a - b) / Math.max(a, b) : 0.0;
                flagged = disagreement > ctx.disagreementThreshold();
                Double averageJ = flagged ? averageIntegral(c) : null;
                double averageOff = averageJ == null ? Double.NaN : Math.abs(a - averageJ) / Math.max(a, averageJ);
                if (averageJ != null && averageOff <= ctx.disagreementThreshold()) {
                    // Instant power is the sensor's ~100 ms sample: a load periodic near that period aliases it
                    // (an H200 with a 10 Hz square wave: -5.6 % and +12 %, environment/GPU.md), while the counter
                    // and the 1-s average integrate continuously and agree. The counter stands.
                    flagged = false;
                    gross = EnergyFigure.of(counter.joules(), counter.provenance().toBuilder()
                            .optReason(String.format(Locale.ROOT, "the integral of instant power (%.3f J) is %.1f%% off"
                                    + " the counter, but the integral of the 1-s average power (%.3f J) agrees within"
                                    + " %.1f%%: the instant readings aliased with a periodic load", b,
                                    100 * disagreement, averageJ, 100 * averageOff))
                            .optDetail("averagePowerIntegralJ", fmt(averageJ))
                            .optFlag(Flag.INSTANT_POWER_ALIASED).build());
                } else if (flagged) {
                    // One of the two is wrong and we cannot tell which: the figure stays, marked not valid.
                    gross = EnergyFigure.of(counter.joules(), counter.provenance().toBuilder()
                            .invalid(String.format(Locale.ROOT,
                                    "counter (%.3f J) and power integral (%.3f J) disagree by %.1f%% (threshold %.0f%%)",
                                    a, b, 100 * disagreement, 100 * ctx.disagreementThreshold()))
                            .optFlag(Flag.METHODS_DISAGREE).build());
                }
            }
        } else if (integral.isPresent()) {
            gross = EnergyFigure.of(integral.joules(), integral.provenance().toBuilder()
                    .optReason("counter unavailable (" + counter.missingReason()
                            + "); this is the integral of sampled power")
                    .optFlag(Flag.POWER_INTEGRAL_FALLBACK).build());
        } else {
            gross = EnergyFigure.unavailable("counter: " + counter.missingReason() + "; power integral: "
                    + integral.missingReason(), counter.provenance());
        }

        Double meanW = gross.isPresent() && durationS > 0 ? gross.joules() / durationS : null;
        Double peakW = max(power);
        Map<String, String> details = new LinkedHashMap<>(ch.details());
        details.put("readings", Integer.toString(n));
        double period = ctx.periodS()[c];
        if (!Double.isNaN(period)) {
            details.put("counterUpdatePeriodS", fmt(period));
            if (ctx.periodLowerBound()[c]) details.put("counterUpdatePeriodIsLowerBound", "true");
        }
        return new DeviceEnergy(ch.id(), ch.domain(), ch.description(), ch.inTotal(), gross,
                net(ch, gross), counter, integral, disagreement, flagged, meanW, peakW, details);
    }

    /**
     * The integral of the sensor's 1-s average power over the window, in joules, or null when the window is too
     * short for it to mean anything (under {@value #MIN_AVERAGE_CHECK_S} s) or the average was not read at both
     * edges. Only a tie-break between the counter and the instant integral: the average lags by about 0.5 s.
     */
    private Double averageIntegral(int c) {
        if (durationS < MIN_AVERAGE_CHECK_S) return null;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = s.average(i, c);
        double joules = Trapezoid.integrate(tRel, w, 0, durationS);
        return Double.isNaN(joules) ? null : joules;
    }

    private String lostMessage(int c) {
        double at = ctx.epochS(ctx.lostAtNanos()[c]) - startEpochS;
        return String.format(Locale.ROOT, "device lost %.3f s into the window: %s", at, ctx.lostReason()[c]);
    }

    private EnergyFigure counter(int c, Channel ch, String lostWhy) {
        List<String> reasons = new ArrayList<>(ctx.caveats());
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        Map<String, String> details = new LinkedHashMap<>();
        Source src = ch.counterSource();
        if (!ch.hasCounter()) return unavailable(ch, src, ch.noCounterReason());
        if (lostWhy != null) return unavailable(ch, src, lostWhy);
        if (durationS <= 0) return unavailable(ch, src, "zero-length window");
        double a = s.cum(0, c);
        double b = s.cum(n - 1, c);
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return unavailable(ch, src, "counter read failed at the window's " + (Double.isNaN(a) ? "start" : "end")
                    + ": " + ctx.lastError()[c]);
        }
        if (s.resets(0, c) != s.resets(n - 1, c)) {
            return unavailable(ch, src, "the counter restarted during the window (driver reload or re-init); "
                    + "the energy across the restart is unknown");
        }
        double period = ctx.periodS()[c];
        boolean lower = ctx.periodLowerBound()[c];
        if (!Double.isNaN(period) && durationS < period) {
            return unavailable(ch, src, String.format(Locale.ROOT,
                    "window of %.4f s is shorter than the counter's update period (%s%.3f s)%s",
                    durationS, lower ? "at least " : "", period, ch.hasPower() ? "; see the power integral" : ""));
        }
        double joules = b - a;
        if (joules == 0 && src == Source.CPU_TIME_ESTIMATE) {
            // CPU time can stand still (no process ran); a device's energy counter cannot.
            reasons.add("no CPU time was used in the window, so the estimate is 0 J");
            details.put("channel", ch.id());
            return EnergyFigure.of(0.0, provenance(ch, src, true, reasons, details, false).build());
        }
        if (!(joules > 0)) {
            return unavailable(ch, src, String.format(Locale.ROOT,
                    "the counter did not advance during the window of %.4f s (window shorter than its update "
                            + "period, or the counter is stuck)", durationS));
        }
        if (!Double.isNaN(period) && durationS < QUANTISATION_PERIODS * period) {
            reasons.add(String.format(Locale.ROOT,
                    "counter quantisation: window spans %.1f update periods of %.3f s, so up to ±%.0f%% error",
                    durationS / period, period, 100 * period / durationS));
            flags.add(Flag.COUNTER_QUANTISED);
        }
        details.put("channel", ch.id());
        Provenance.Builder p = provenance(ch, src, true, reasons, details, false);
        flags.forEach(p::optFlag);
        return EnergyFigure.of(joules, p.build());
    }

    private EnergyFigure integral(int c, Channel ch, String lostWhy) {
        Source src = integralSource(ch);
        if (!ch.hasPower()) return unavailable(ch, src, ch.noPowerReason());
        if (lostWhy != null) return unavailable(ch, src, lostWhy);
        if (durationS <= 0) return unavailable(ch, src, "zero-length window");
        double[] w = new double[n];
        int valid = 0;
        double maxGap = 0;
        double prevT = Double.NaN;
        for (int i = 0; i < n; i++) {
            w[i] = s.power(i, c);
            if (Double.isNaN(w[i])) continue;
            valid++;
            if (!Double.isNaN(prevT)) maxGap = Math.max(maxGap, tRel[i] - prevT);
            prevT = tRel[i];
        }
        double joules = Trapezoid.integrate(tRel, w, 0, durationS);
        if (valid > 0 && src != Source.CPU_TIME_ESTIMATE && allZero(w)) {
            // A powered device never draws 0 W: every reading at 0 means the sensor is not reporting, not idle.
            return unavailable(ch, src, String.format(Locale.ROOT, "all %d power readings were 0 W, which a powered"
                    + " device cannot draw: the power sensor is not reporting%s", valid,
                    ch.hasCounter() ? " (and the energy counter is checked separately)" : ""));
        }
        if (Double.isNaN(joules)) {
            String edge = Double.isNaN(w[0]) ? "start" : "end";
            return unavailable(ch, src, "no power reading at the window's " + edge + ": " + ctx.lastError()[c]);
        }
        List<String> reasons = new ArrayList<>(ctx.caveats());
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        boolean isValid = true;
        if (valid == 2) {
            reasons.add("instant-power estimate: only the readings at the two window edges fall in the window");
            flags.add(Flag.EDGE_READINGS_ONLY);
        }
        double interval = ctx.samplingIntervalS();
        if (interval > 0 && maxGap > MAX_GAP_INTERVALS * interval) {
            isValid = false;
            reasons.add(String.format(Locale.ROOT,
                    "a gap of %.3f s between power samples exceeds %.0f sampling intervals of %.3f s",
                    maxGap, MAX_GAP_INTERVALS, interval));
            flags.add(Flag.SAMPLE_GAP);
        }
        if (ch.powerCaveat() != null) reasons.add(ch.powerCaveat());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("channel", ch.id());
        details.put("powerQuantity", ch.powerQuantity());
        details.put("powerSamples", Integer.toString(valid));
        details.put("largestSampleGapS", fmt(maxGap));
        Provenance.Builder p = provenance(ch, src, isValid, reasons, details, false);
        flags.forEach(p::optFlag);
        return EnergyFigure.of(joules, p.build());
    }

    private static Source integralSource(Channel ch) {
        return ch.counterSource() == Source.NVML_COUNTER ? Source.NVML_POWER_INTEGRAL : ch.counterSource();
    }

    private EnergyFigure net(Channel ch, EnergyFigure gross) {
        IdleBaseline b = ctx.baseline();
        Source src = gross.provenance().source();
        if (b == null) return unavailableNet(ch, src, "no idle baseline: call measureIdle(seconds) first");
        if (!b.idleWatts().containsKey(ch.id())) {
            return unavailableNet(ch, src, "the idle baseline has no figure for " + ch.id() + ": "
                    + b.missing().getOrDefault(ch.id(), "channel not in the baseline"));
        }
        if (!gross.isPresent()) return unavailableNet(ch, src, gross.missingReason());
        double idleW = b.idleWatts().get(ch.id());
        double joules = gross.joules() - idleW * durationS;
        Provenance.Builder p = gross.provenance().toBuilder().setSource(src).optNetOfIdle(true);
        if (joules < 0) {
            p.optReason("net energy is negative: the window drew less than the idle baseline").optFlag(Flag.NEGATIVE);
        }
        boolean idleValid = b.measurement().device(ch.id()).map(d -> d.gross().isValid()).orElse(false);
        if (!idleValid) {
            p.invalid("the idle baseline's figure for " + ch.id() + " is not valid").optFlag(Flag.IDLE_BASELINE_INVALID);
        }
        p.optDetail("idlePowerW", fmt(idleW))
                .optDetail("idleWindowS", fmt(b.durationS()))
                .optDetail("idleWindowStartEpochS", fmt(b.measurement().startEpochS()));
        return EnergyFigure.of(joules, p.build());
    }

    private EnergyFigure unavailableNet(Channel ch, Source src, String reason) {
        return EnergyFigure.unavailable(reason,
                provenance(ch, src, false, List.of(reason), Map.of("channel", ch.id()), true).build());
    }

    private EnergyFigure unavailable(Channel ch, Source src, String reason) {
        return EnergyFigure.unavailable(reason,
                provenance(ch, src, false, List.of(reason), Map.of("channel", ch.id()), false).build());
    }

    private static boolean allZero(double[] w) {
        for (double x : w) if (!Double.isNaN(x) && x != 0) return false;
        return true;
    }

    private Provenance.Builder provenance(Channel ch, Source src, boolean valid, List<String> reasons,
                                          Map<String, String> extra, boolean net) {
        return windowProvenance(src, List.of(ch.id() + " " + ch.description()), net).optValid(valid)
                .optReasons(reasons).optDetails(extra);
    }

    /** What every figure of this window shares: source, devices, driver, interval, bounds and the meter's details. */
    private Provenance.Builder windowProvenance(Source src, List<String> devices, boolean net) {
        return Provenance.builder().setSource(src).optDevices(devices).optDriver(ctx.driver())
                .optSamplingIntervalS(interval()).optWindow(startEpochS, endEpochS).optNetOfIdle(net)
                .optDetails(baseDetails());
    }

    private Map<String, String> baseDetails() {
        Map<String, String> d = new LinkedHashMap<>(ctx.details());
        d.put("meter", ctx.kind().label());
        d.put("meterChoice", ctx.choice().describe());
        d.put("window", name);
        return d;
    }

    /** Power per reading (sampled), or per interval from counter differences when the channel has no power. */
    private double[] channelPower(int c, Channel ch) {
        if (ch.hasPower()) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) w[i] = s.power(i, c);
            return w;
        }
        double[] w = new double[Math.max(0, n - 1)];
        for (int i = 1; i < n; i++) {
            double dt = tRel[i] - tRel[i - 1];
            double de = s.cum(i, c) - s.cum(i - 1, c);
            boolean ok = dt > 0 && !Double.isNaN(de) && s.resets(i, c) == s.resets(i - 1, c);
            w[i - 1] = ok ? de / dt : Double.NaN;
        }
        return w;
    }

    private List<PowerSeries> series(int c, Channel ch, double[] power) {
        List<PowerSeries> out = new ArrayList<>();
        if (ch.hasPower()) {
            out.add(compact(ch.id(), ch.powerQuantity(), tRel, power));
            double[] avg = new double[n];
            boolean any = false;
            for (int i = 0; i < n; i++) {
                avg[i] = s.average(i, c);
                any |= !Double.isNaN(avg[i]);
            }
            if (any) out.add(compact(ch.id(), "average-1s", tRel, avg));
        } else {
            double[] mid = new double[power.length];
            for (int i = 0; i < power.length; i++) mid[i] = (tRel[i] + tRel[i + 1]) / 2;
            out.add(compact(ch.id(), "derived", mid, power));
        }
        return out;
    }

    private static PowerSeries compact(String channel, String quantity, double[] t, double[] w) {
        int k = 0;
        for (double v : w) if (!Double.isNaN(v)) k++;
        double[] tt = new double[k];
        double[] ww = new double[k];
        int j = 0;
        for (int i = 0; i < w.length; i++) {
            if (Double.isNaN(w[i])) continue;
            tt[j] = t[i];
            ww[j++] = w[i];
        }
        return new PowerSeries(channel, quantity, tt, ww);
    }

    // ---- totals ----------------------------------------------------------------------------------------

    private EnergyFigure total(List<DeviceEnergy> devices, boolean net) {
        List<DeviceEnergy> counted = devices.stream().filter(DeviceEnergy::inTotal).toList();
        Map<String, String> details = baseDetails();
        List<String> names = counted.stream().map(d -> d.channel() + " " + d.description()).toList();
        if (counted.isEmpty()) {
            String why = "no channel counts in the total";
            return EnergyFigure.unavailable(why, windowProvenance(ctx.channels().get(0).counterSource(), names, net)
                    .invalid(why).build());
        }
        double sum = 0;
        boolean valid = true;
        Set<String> reasons = new LinkedHashSet<>();
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        List<String> missing = new ArrayList<>();
        Set<Source> sources = new LinkedHashSet<>();
        for (DeviceEnergy d : counted) {
            EnergyFigure f = net ? d.net() : d.gross();
            sources.add(f.provenance().source());
            details.put("source." + d.channel(), f.provenance().source().label());
            if (!f.isPresent()) {
                missing.add(d.channel() + ": " + f.missingReason());
                continue;
            }
            sum += f.joules();
            valid &= f.provenance().valid();
            flags.addAll(f.provenance().flags());
            for (String r : f.provenance().reasons()) {
                reasons.add(ctx.caveats().contains(r) || counted.size() == 1 ? r : d.channel() + ": " + r);
            }
            f.provenance().details().forEach((k, v) -> {
                if (k.startsWith("idle")) details.put(k + "." + d.channel(), v);
            });
        }
        Source source = sources.size() == 1 ? sources.iterator().next()
                : sources.contains(Source.NVML_POWER_INTEGRAL) ? Source.NVML_POWER_INTEGRAL : sources.iterator().next();
        if (sources.size() > 1) {
            reasons.add("channels were measured by different methods: " + sources);
            flags.add(Flag.MIXED_SOURCES);
        }
        Provenance.Builder p = windowProvenance(source, names, net).optDetails(details);
        flags.forEach(p::optFlag);
        if (!missing.isEmpty()) {
            String why = "missing " + String.join("; ", missing);
            return EnergyFigure.unavailable(why, p.invalid(why).optReasons(reasons).build());
        }
        return EnergyFigure.of(sum, p.optValid(valid).optReasons(reasons).build());
    }

    private Double interval() { return ctx.samplingIntervalS() > 0 ? ctx.samplingIntervalS() : null; }

    /** The peak of the element-wise sum of the rows, or null when the rows do not line up or are empty. */
    private static Double peakOfSum(List<double[]> rows) {
        if (rows.isEmpty()) return null;
        int len = rows.get(0).length;
        for (double[] r : rows) if (r.length != len) return null;
        double peak = Double.NaN;
        for (int i = 0; i < len; i++) {
            double sum = 0;
            for (double[] r : rows) sum += r[i];
            if (!Double.isNaN(sum) && (Double.isNaN(peak) || sum > peak)) peak = sum;
        }
        return Double.isNaN(peak) ? null : peak;
    }

    private static Double max(double[] w) {
        double m = Double.NaN;
        for (double v : w) if (!Double.isNaN(v) && (Double.isNaN(m) || v > m)) m = v;
        return Double.isNaN(m) ? null : m;
    }

    static String fmt(double v) { return String.format(Locale.ROOT, "%.6g", v); }
}

package org.llmenergy.experiment.results;

import org.llmenergy.experiment.spec.Cell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * The one place where the repeats of a measured cell are averaged, with the one validity rule every user of sweep
 * results shares (the figures, the binned estimate and the sweep fit): a repeat's figure counts when its value is
 * present and positive and its provenance is present and valid. A repeat left out is never counted as 0; the
 * {@link Mean} says how many were left out and why.
 */
public final class RepeatAverages {
    private RepeatAverages() {}

    /**
     * The average of one figure over a cell's repeats.
     *
     * @param value   the mean of the usable repeats, empty when none is usable
     * @param used    repeats averaged
     * @param repeats repeats seen
     * @param leftOut why repeats were left out (distinct reasons, in order of first appearance)
     */
    public record Mean(OptionalDouble value, int used, int repeats, List<String> leftOut) {
        public Mean { leftOut = List.copyOf(leftOut); }
    }

    /**
     * @param a     one repeat's figure
     * @param value the number taken from it (joules, per-request joules, ...), may be null
     * @return null when the repeat counts, else why it does not
     */
    public static String whyUnusable(EnergyAmounts a, Double value) {
        if (a == null) return "no such energy figure in the record";
        if (value == null) return a.missingReason() == null ? "missing" : a.missingReason();
        if (a.provenance() == null) return "no provenance";
        if (!a.provenance().valid()) return "invalid: " + String.join("; ", a.provenance().reasons());
        if (!(value > 0)) return "not positive: " + value;
        return null;
    }

    /**
     * @param repeats the measurement records of one cell
     * @param figure  which figure of a repeat (for example its gross prefill figure); may return null
     * @param value   the number to average from that figure (may return null)
     * @return the mean over the usable repeats
     */
    public static Mean mean(List<ResultRecord> repeats, Function<ResultRecord, EnergyAmounts> figure,
                            Function<EnergyAmounts, Double> value) {
        double sum = 0;
        int n = 0;
        Set<String> why = new LinkedHashSet<>();
        for (ResultRecord r : repeats) {
            EnergyAmounts a = figure.apply(r);
            Double v = a == null ? null : value.apply(a);
            String reason = whyUnusable(a, v);
            if (reason != null) {
                why.add(reason);
                continue;
            }
            sum += v;
            n++;
        }
        return new Mean(n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n), n, repeats.size(), List.copyOf(why));
    }

    /**
     * @param records results records (failures are skipped)
     * @return the measurement records grouped by cell key, cells in order of first appearance
     */
    public static Map<String, List<ResultRecord>> byCell(List<ResultRecord> records) {
        Map<String, List<ResultRecord>> cells = new LinkedHashMap<>();
        for (ResultRecord r : records) {
            if (!(r instanceof ResultRecord.Measured)) continue;
            cells.computeIfAbsent(r.cellKey(), k -> new ArrayList<>()).add(r);
        }
        return cells;
    }

    /**
     * @param c a cell
     * @return what must be equal for two cells' energies to be comparable on one curve: engine, model, device,
     *         dtype, engine options and decoding (everything in the key but batch and lengths)
     */
    public static String configuration(Cell c) {
        return String.join("|", c.engine(), c.model(), c.device().label(), c.dtype().label(), c.options().key(), c.decoding().key());
    }

    /**
     * @param records results records
     * @param purpose what the records are for, for the message
     * @throws IllegalArgumentException naming the configurations when the measurement records mix several
     */
    public static void requireOneConfiguration(List<ResultRecord> records, String purpose) {
        Set<String> seen = new LinkedHashSet<>();
        for (ResultRecord r : records) {
            if (r instanceof ResultRecord.Measured) seen.add(configuration(r.cell()));
        }
        if (seen.size() > 1) {
            throw new IllegalArgumentException("the records mix " + seen.size() + " configurations " + seen + "; " + purpose
                    + " needs the records of one configuration (engine, model, device, dtype, options, decoding)");
        }
    }
}

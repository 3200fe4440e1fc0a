package org.llmenergy.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import org.llmenergy.estimate.BatchEnergy;
import org.llmenergy.experiment.spec.Cell;
import org.llmenergy.experiment.results.EnergyAmounts;
import org.llmenergy.experiment.results.PhaseEnergy;
import org.llmenergy.experiment.results.RepeatMeasurement;
import org.llmenergy.experiment.results.PhaseEnergies;
import org.llmenergy.experiment.results.RepeatAverages;
import org.llmenergy.experiment.results.ResultRecord;
import org.llmenergy.experiment.results.ResultsFile;
import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.results.StoredRecord;
import org.llmenergy.units.Energy;

/**
 * The adapter from the experiment package's results store to the report: measured records become
 * {@link SweepPoint}s (controlled-sweep and decoding figures, through {@link SweepSeries}) and
 * {@link BatchEnergy}s (the binned whole-trace estimate, Figure 1).
 *
 * <p>Repeats of a cell are averaged by {@link RepeatAverages}, with its one validity rule: a repeat whose energy is
 * missing, not positive, or whose provenance is marked invalid (for example a decode-by-subtraction that came out
 * negative) is left out of that energy, and the point's notes say how many and why; failure records are skipped.
 */
public final class MeasuredPoints {
    private MeasuredPoints() {}

    /**
     * @param files results files (JSON Lines of the experiment package)
     * @return their measurement records, typed, in file order (torn lines are skipped by the reader)
     * @throws IOException              when a file cannot be read
     * @throws IllegalArgumentException naming file and line of a record that does not parse
     */
    public static List<ResultRecord> read(Path... files) throws IOException {
        List<ResultRecord> out = new ArrayList<>();
        for (Path f : files) {
            ResultsFile rf = ResultsReader.read(f);
            for (StoredRecord r : rf.sweepRecords()) if (!r.isFailure()) out.add(r.typed());
        }
        return out;
    }

    /**
     * For notebooks that overlay ours only when a sweep has been run: the records of a results file, or none when the
     * file does not exist (the figures then say "paper only").
     *
     * @param file a results file, which may be absent
     * @return its measurement records, or an empty list when there is no such file
     * @throws IOException when the file exists but cannot be read
     */
    public static List<ResultRecord> readIfPresent(Path file) throws IOException {
        return java.nio.file.Files.isRegularFile(file) ? read(file) : List.of();
    }

    /**
     * @param c a cell
     * @return its configuration label: model, device, dtype, engine and non-default options, for example
     *         {@code "tiny-15m cpu fp32 (djl)"}
     */
    public static String configuration(Cell c) {
        String opts = c.options().flags().isEmpty() ? "" : ", " + c.options().name();
        return c.model() + " " + c.device().label() + " " + c.dtype().label() + " (" + c.engine() + opts + ")";
    }

    /**
     * @param records measurement records (failure records are ignored)
     * @param basis   gross (as the paper) or net of idle
     * @return one point per cell, repeats averaged, in order of first appearance
     */
    public static List<SweepPoint> sweepPoints(List<ResultRecord> records, EnergyBasis basis) {
        List<SweepPoint> out = new ArrayList<>();
        for (List<ResultRecord> cell : RepeatAverages.byCell(records).values()) {
            ResultRecord first = cell.get(0);
            Cell c = first.cell();
            List<String> notes = new ArrayList<>();
            Set<String> provenances = new LinkedHashSet<>();
            OptionalDouble prefill = mean(cell, "prefill", PhaseEnergies::prefill, basis, notes, provenances);
            OptionalDouble decode = mean(cell, "decode", PhaseEnergies::decode, basis, notes, provenances);
            OptionalDouble total = mean(cell, "total", PhaseEnergies::total, basis, notes, provenances);
            double seconds = 0;
            int timed = 0;
            for (ResultRecord r : cell) {
                Double s = r.measurement().throughput() == null ? null : r.measurement().throughput().batchLatencyS();
                if (s != null) {
                    seconds += s;
                    timed++;
                }
            }
            RepeatMeasurement m = first.measurement();
            out.add(new SweepPoint(configuration(c), c.decoding().key(), m.batchSize(), m.inputTokens(), m.outputTokens(),
                    prefill, decode, total, timed == 0 ? OptionalDouble.empty() : OptionalDouble.of(seconds / timed), cell.size(),
                    provenances.isEmpty() ? "none" : String.join("+", provenances), notes));
        }
        return out;
    }

    /**
     * The energy of one full batch per measured repeat, for {@code BinnedEstimator}: the whole run's energy over
     * its number of batches, at the cell's (input, output) as the bin's (I*, O*). The estimator averages repeats
     * and keeps each bin's largest batch size.
     *
     * @param records measurement records of ONE configuration (model, device, dtype, engine, options, decoding)
     * @param basis   gross or net of idle
     * @return the batch energies; repeats without a valid energy are left out
     * @throws IllegalArgumentException when the records mix configurations (their energies cannot be summed)
     */
    public static List<BatchEnergy> batchEnergies(List<ResultRecord> records, EnergyBasis basis) {
        RepeatAverages.requireOneConfiguration(records, "estimating a workload");
        List<BatchEnergy> out = new ArrayList<>();
        for (ResultRecord r : records) {
            if (!(r instanceof ResultRecord.Measured measured)) continue;
            RepeatMeasurement m = measured.measurement();
            EnergyAmounts a = amounts(m.energy().total(), basis);
            if (RepeatAverages.whyUnusable(a, a.joules()) != null || m.batches() < 1) continue;
            out.add(new BatchEnergy(m.inputTokens(), m.outputTokens(), m.batchSize(), a.joules() / m.batches(), a.provenance()));
        }
        return out;
    }

    private static EnergyAmounts amounts(PhaseEnergy f, EnergyBasis basis) {
        if (f == null) return EnergyAmounts.missing("no such energy figure in the record");
        EnergyAmounts a = basis == EnergyBasis.GROSS ? f.gross() : f.net();
        return a == null ? EnergyAmounts.missing("no " + basis.name().toLowerCase(Locale.ROOT) + " figure in the record") : a;
    }

    private static OptionalDouble mean(List<ResultRecord> cell, String what, Function<PhaseEnergies, PhaseEnergy> figure,
                                       EnergyBasis basis, List<String> notes, Set<String> provenances) {
        Function<ResultRecord, EnergyAmounts> amounts = r -> amounts(figure.apply(r.measurement().energy()), basis);
        RepeatAverages.Mean m = RepeatAverages.mean(cell, amounts, EnergyAmounts::per1024J);
        for (ResultRecord r : cell) {
            EnergyAmounts a = amounts.apply(r);
            if (RepeatAverages.whyUnusable(a, a.per1024J()) == null) provenances.add(a.provenance().source().label());
        }
        if (!m.leftOut().isEmpty()) {
            notes.add(String.format(Locale.ROOT, "%s: %d of %d repeats left out (%s)", what, m.repeats() - m.used(), m.repeats(),
                    String.join("; ", m.leftOut())));
        }
        return m.value().isPresent() ? OptionalDouble.of(Energy.toKwh(m.value().getAsDouble())) : OptionalDouble.empty();
    }
}

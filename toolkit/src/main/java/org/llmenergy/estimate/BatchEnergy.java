package org.llmenergy.estimate;

import java.util.Objects;
import org.llmenergy.units.Provenance;

/**
 * The energy of one full batch in one length bin: {@code batchSize} requests, each with an I*-token prompt and
 * O* generated tokens. This is the paper's E_batch(I*, O*) (Fernandez et al., ACL 2025, section 4.2).
 *
 * @param inputBin     the input bin's upper edge I*, in tokens
 * @param outputBin    the output bin's upper edge O*, in tokens
 * @param batchSize    requests in the batch, B(I*, O*)
 * @param energyJoules energy of the whole batch, in joules (&gt; 0)
 * @param provenance   how the energy was obtained
 */
public record BatchEnergy(int inputBin, int outputBin, int batchSize, double energyJoules, Provenance provenance) {
    public BatchEnergy {
        if (inputBin < 1 || outputBin < 1) {
            throw new IllegalArgumentException("bin edges must be >= 1, got (" + inputBin + ", " + outputBin + ")");
        }
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        if (!(energyJoules > 0) || Double.isInfinite(energyJoules)) {
            throw new IllegalArgumentException("energy of bin (" + inputBin + ", " + outputBin + ") must be a positive"
                    + " finite number of joules, got " + energyJoules + " (a reading that is missing is left out, not 0)");
        }
        Objects.requireNonNull(provenance, "provenance");
    }

    /** @return energy per request, {@code energyJoules / batchSize}, in joules */
    public double joulesPerRequest() { return energyJoules / batchSize; }
}

package org.llmenergy.estimate.calibrated;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.llmenergy.io.Json;
import org.llmenergy.units.Provenance;

/**
 * A fitted, versioned calibration: parameters, interval factors and where they come from (data sets with their
 * hashes, software generation, fit date). The toolkit ships one as a resource ({@link #bundled()}), so
 * {@code estimate} works offline with no calibration step; {@code llm-energy calibrate --write FILE} makes a new one
 * from the same data, and {@code --calibration FILE} uses it.
 *
 * @param version         calibration version, for example {@code "2026.11-v3"}
 * @param generation      the software generation the data measured, for example {@code "vllm-0.11.1"}
 * @param fittedAt        ISO-8601 date of the fit
 * @param parameters      the fitted parameters
 * @param calibratedGpu   interval factors for a GPU with calibration data (leave-one-model-out residuals)
 * @param uncalibratedGpu interval factors for a GPU without data (leave-one-GPU-out residuals, datasheet transfer)
 * @param ranges          per calibrated GPU, what the data covered
 * @param datasets        the data behind the fit
 * @param software        versions of what produced the data and the fit
 * @param crossValidation leave-one-model-out figures, as printed by {@code calibrate}
 * @param trainedGroups   the architecture groups (preset names) the fit saw: a validation row of one of them is
 *                        in-sample, not a held-out check
 * @param olderGenerations calibrations of older software generations (for example ML.ENERGY v2's vLLM 0.5.4), by
 *                        generation, each with its spread against the default
 */
public record Calibration(String version, String generation, String fittedAt, CalibrationParameters parameters,
                          IntervalFactors calibratedGpu, IntervalFactors uncalibratedGpu, Map<String, GpuRange> ranges,
                          List<DatasetUse> datasets, Map<String, String> software, Map<String, Double> crossValidation,
                          List<String> trainedGroups, Map<String, GenerationCalibration> olderGenerations) {

    /** @return the default (newest) generation's calibration */
    @JsonIgnore
    public GenerationCalibration newest() {
        return new GenerationCalibration(generation, parameters, calibratedGpu, uncalibratedGpu, ranges, crossValidation,
                trainedGroups, Map.of());
    }

    /**
     * @param name a generation, for example {@code "vllm-0.5.4"}; null for the default
     * @return its calibration
     * @throws IllegalArgumentException naming the known generations
     */
    public GenerationCalibration generation(String name) {
        if (name == null || name.equals(generation)) return newest();
        GenerationCalibration g = olderGenerations == null ? null : olderGenerations.get(name);
        if (g == null) {
            throw new IllegalArgumentException("unknown software generation '" + name + "'; known: " + generations());
        }
        return g;
    }

    /** @return every generation, the default first */
    @JsonIgnore
    public List<String> generations() {
        List<String> out = new java.util.ArrayList<>(List.of(generation));
        if (olderGenerations != null) out.addAll(olderGenerations.keySet());
        return out;
    }

    /** The classpath resource of the shipped calibration. */
    public static final String RESOURCE = "/org/llmenergy/estimate/calibrated/calibration.json";

    private static final ObjectMapper JSON = Json.versioned();
    private static volatile Calibration bundled;
    private static volatile String bundledHash;

    /**
     * What one calibrated GPU's data covered.
     *
     * @param minMaxNumSeqs smallest batch limit measured
     * @param maxMaxNumSeqs largest batch limit measured
     * @param maxGpus       most GPUs per replica
     * @param configurations configurations
     */
    public record GpuRange(int minMaxNumSeqs, int maxMaxNumSeqs, int maxGpus, int configurations) {}

    /**
     * One data set the fit read.
     *
     * @param id      catalog id
     * @param files   files read
     * @param sha256  sha256 of the files' concatenated hashes, in path order
     * @param citation how to cite it
     */
    public record DatasetUse(String id, int files, String sha256, String citation) {}

    /** @return the calibration shipped with the toolkit */
    public static Calibration bundled() {
        Calibration c = bundled;
        if (c == null) {
            try (InputStream in = Calibration.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing classpath resource " + RESOURCE);
                byte[] bytes = in.readAllBytes();
                c = JSON.readValue(bytes, Calibration.class);
                bundledHash = sha256(bytes);
                bundled = c;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
        return c;
    }

    /** @return the sha256 of the bundled resource's bytes */
    public static String bundledSha256() {
        bundled();
        return bundledHash;
    }

    /** @return a calibration written by {@link #write} */
    public static Calibration read(Path file) throws IOException {
        try {
            return JSON.readValue(Files.readAllBytes(file), Calibration.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a calibration file: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes this calibration as JSON. */
    public void write(Path file) throws IOException { Files.write(file, toJson()); }

    /** @return the JSON bytes */
    public byte[] toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the sha256 of this calibration's JSON */
    @JsonIgnore
    public String sha256() { return this == bundled ? bundledHash : sha256(toJson()); }

    /** @return a provenance for figures computed with this calibration */
    @JsonIgnore
    public Provenance provenance() {
        Map<String, String> d = new java.util.TreeMap<>();
        d.put("calibration_version", version);
        d.put("calibration_sha256", sha256());
        d.put("software_generation", generation);
        d.put("fitted_at", fittedAt);
        for (DatasetUse u : datasets) d.put("dataset:" + u.id(), u.files() + " files, sha256 " + u.sha256() + "; " + u.citation());
        return Provenance.builder().setSource(Provenance.Source.MODEL)
                .optReason("calibrated step model: an estimate, not a measurement").optDetails(d).build();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

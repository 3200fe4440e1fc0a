package org.llmenergy.estimate.external;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.llmenergy.units.Provenance;

/**
 * Reads ML.ENERGY leaderboard v2 files, laid out
 * {@code llm_text_generation/<task>/<GPU>/<org>/<model>/bs<N>+tp<T>+pp<P>.json}, each holding {@code Model, GPU,
 * TP, PP, Energy/req (J), Avg TPOT (s), Token tput (tok/s), Avg Output Tokens, Avg BS (reqs), Max BS (reqs)}.
 */
public final class MlEnergyV2Reader {
    /** The citation ML.ENERGY asks for. */
    public static final String CITATION = "The ML.ENERGY Benchmark (Chung et al., NeurIPS 2025 Datasets and Benchmarks)";
    /** What every ML.ENERGY figure is, in words (both leaderboard versions). */
    static final String CAVEAT = "measured by ML.ENERGY, not by this toolkit; GPU energy only, not net of idle;"
            + " prefill amortised into output tokens";
    private static final Pattern NAME = Pattern.compile("bs(\\d+)\\+tp(\\d+)\\+pp(\\d+)\\.json");

    private MlEnergyV2Reader() {}

    /**
     * @param file one {@code bs<N>+tp<T>+pp<P>.json} file; the task is taken from its path when the layout is the
     *             leaderboard's (five levels up is {@code llm_text_generation}), else it is {@code "unknown"}
     * @return the record
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and field when the content is not as expected
     */
    public static MlEnergyRecord read(Path file) throws IOException {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file + ": file name is not bs<N>+tp<T>+pp<P>.json");
        }
        JsonFields f = new JsonFields(file);
        JsonNode root = f.readTree();
        int tp = f.positiveInt(root, "TP", "");
        int pp = f.positiveInt(root, "PP", "");
        if (tp != Integer.parseInt(m.group(2)) || pp != Integer.parseInt(m.group(3))) {
            throw new IllegalArgumentException(file + ": TP/PP in the file (" + tp + "/" + pp + ") disagree with its name");
        }
        double perRequest = f.positive(root, "Energy/req (J)", "");
        double outTokens = f.positive(root, "Avg Output Tokens", "");
        Map<String, String> details = new TreeMap<>();
        details.put("citation", CITATION);
        details.put("leaderboard", "ML.ENERGY v2 (ml-energy/leaderboard-v2)");
        details.put("file", file.toString());
        details.put("energy_per_token", "derived: Energy/req (J) / Avg Output Tokens");
        details.put("avg_tpot_s", Double.toString(f.positive(root, "Avg TPOT (s)", "")));
        Provenance p = Provenance.builder().setSource(Provenance.Source.PAPER_PUBLISHED)
                .optDevices(List.of(f.text(root, "GPU", ""))).optReason(CAVEAT).optDetails(details).build();
        return new MlEnergyRecord("v2", taskOf(file), f.text(root, "Model", ""), f.text(root, "GPU", ""), tp * pp, tp, pp, 1,
                Integer.parseInt(m.group(1)), OptionalInt.of(f.positiveInt(root, "Max BS (reqs)", "")),
                OptionalDouble.of(f.positive(root, "Avg BS (reqs)", "")), outTokens, perRequest, perRequest / outTokens,
                OptionalDouble.empty(), f.optionalPositive(root, "Token tput (tok/s)"),
                OptionalDouble.of(f.positive(root, "Avg TPOT (s)", "") * 1000), p);
    }

    /**
     * @param root a folder; every {@code bs*+tp*+pp*.json} below it is read
     * @return the records, sorted by path
     * @throws IOException when a file cannot be read
     */
    public static List<MlEnergyRecord> readAll(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        List<MlEnergyRecord> out = new ArrayList<>();
        for (Path p : files) out.add(read(p));
        return out;
    }

    private static String taskOf(Path file) {
        Path abs = file.toAbsolutePath();
        if (abs.getNameCount() >= 6 && abs.getName(abs.getNameCount() - 6).toString().equals("llm_text_generation")) {
            return abs.getName(abs.getNameCount() - 5).toString();
        }
        return "unknown";
    }
}

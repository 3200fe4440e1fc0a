package org.llmenergy.estimate.paper;

import java.util.function.Function;
import org.llmenergy.io.Json;
import org.llmenergy.workload.ExpectedLengthStats;
import org.llmenergy.workload.PaperTables;
import org.llmenergy.workload.PublishedLengthStats;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.llmenergy.units.Provenance;

/**
 * The published numbers of Fernandez et al. (ACL 2025) as data: Tables 1–5 exactly as printed
 * ({@code paper-published}), the single numbers stated in the text, and the values read off Figures 1–12
 * ({@code paper-digitized}, approximate, each citing "Fernandez et al., ACL 2025, Fig. N"). Report builders
 * overlay these as "paper" next to "ours".
 *
 * <p>The data live in the resource {@code org/llmenergy/estimate/paper/paper-numbers.json}; the figure readings
 * come from the project's digest of the paper.
 */
public final class PaperNumbers {
    /** How every figure reading is qualified. */
    public static final String DIGITIZED_ACCURACY = "approximate: read off the figure image, about +-10-20% on log axes";
    /** The short citation used in provenance. */
    public static final String CITATION = "Fernandez et al., ACL 2025";

    private static final String RESOURCE = "/org/llmenergy/estimate/paper/paper-numbers.json";
    private static volatile PaperNumbers instance;

    private final List<PublishedLengthRow> table1;
    private final List<PublishedLengthRow> table2;
    private final List<TaskLengths> table3;
    private final List<OverheadRow> table4;
    private final List<NodeHardware> table5;
    private final List<PaperValue> text;
    private final List<PaperFigure> figures;

    private PaperNumbers(JsonNode root) {
        JsonNode tables = required(root, "tables", "");
        // Tables 1-2 live once, in the workload package (the traces' own statistics are compared with them there).
        table1 = lengthStats(ExpectedLengthStats::input, 1);
        table2 = lengthStats(ExpectedLengthStats::output, 2);
        table3 = new ArrayList<>();
        for (JsonNode r : required(required(tables, "3", "tables"), "rows", "tables.3")) {
            table3.add(new TaskLengths(r.path("task").asText(), r.path("dataset").asText(), num(r, "inputMean", "tables.3"),
                    num(r, "inputStd", "tables.3"), (int) num(r, "inputMax", "tables.3"), (int) num(r, "outputTokens", "tables.3"),
                    published("Table 3")));
        }
        table4 = new ArrayList<>();
        for (JsonNode r : required(required(tables, "4", "tables"), "rows", "tables.4")) {
            table4.add(new OverheadRow(r.path("dataset").asText(), num(r, "pytorchPct", "tables.4"), num(r, "vllmPct", "tables.4"),
                    published("Table 4")));
        }
        table5 = new ArrayList<>();
        for (JsonNode r : required(required(tables, "5", "tables"), "rows", "tables.5")) {
            JsonNode bf = r.path("bf16Tflops");
            table5.add(new NodeHardware(r.path("cpu").asText(), r.path("ram").asText(), r.path("gpu").asText(),
                    num(r, "tdpW", "tables.5"), num(r, "fp32Tflops", "tables.5"),
                    bf.isNumber() ? OptionalDouble.of(bf.asDouble()) : OptionalDouble.empty(),
                    r.path("note").asText(""), published("Table 5")));
        }
        text = new ArrayList<>();
        for (JsonNode t : required(root, "text", "")) {
            boolean digitized = t.path("digitized").asBoolean(false);
            String where = t.path("where").asText();
            text.add(new PaperValue(t.path("id").asText(), num(t, "value", "text"), t.path("unit").asText(), where,
                    t.path("what").asText(), digitized ? digitized(where) : published(where)));
        }
        figures = new ArrayList<>();
        for (JsonNode f : required(root, "figures", "")) figures.add(figure(f));
    }

    /** @return the numbers, loaded once from the classpath */
    public static PaperNumbers load() {
        PaperNumbers p = instance;
        if (p == null) {
            try (InputStream in = PaperNumbers.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing classpath resource " + RESOURCE);
                p = new PaperNumbers(Json.mapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            instance = p;
        }
        return p;
    }

    /** @return Table 1, input length statistics */
    public List<PublishedLengthRow> inputLengths() { return List.copyOf(table1); }

    /** @return Table 2, output length statistics */
    public List<PublishedLengthRow> outputLengths() { return List.copyOf(table2); }

    /** @return Table 3, classical NLP tasks */
    public List<TaskLengths> classicalTasks() { return List.copyOf(table3); }

    /** @return Table 4, percent above theoretical */
    public List<OverheadRow> table4() { return List.copyOf(table4); }

    /**
     * @param dataset "BurstGPT", "Azure Code" or "Azure Conversation"
     * @return that row of Table 4
     */
    public OverheadRow table4(String dataset) {
        return table4.stream().filter(r -> r.dataset().equalsIgnoreCase(dataset)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("Table 4 has no dataset '" + dataset + "'; it has "
                        + table4.stream().map(OverheadRow::dataset).toList()));
    }

    /** @return Table 5, node hardware */
    public List<NodeHardware> table5() { return List.copyOf(table5); }

    /**
     * @param id a text value's id, for example {@code "tp2-energy-increase"}
     * @return the value
     */
    public PaperValue text(String id) {
        return text.stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no paper text value '" + id + "'"));
    }

    /** @return every figure, in order */
    public List<PaperFigure> figures() { return List.copyOf(figures); }

    /**
     * @param number 1 to 12
     * @return that figure's digitised values
     */
    public PaperFigure figure(int number) {
        return figures.stream().filter(f -> f.number() == number).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no Figure " + number + " in the paper numbers"));
    }

    private static List<PublishedLengthRow> lengthStats(Function<ExpectedLengthStats, PublishedLengthStats> side, int n) {
        List<PublishedLengthRow> out = new ArrayList<>();
        for (ExpectedLengthStats row : PaperTables.all()) {
            PublishedLengthStats s = side.apply(row);
            out.add(new PublishedLengthRow(PAPER_ROW_NAMES.get(row.name()), s.mean(), s.std(), s.median(), s.p99(),
                    published("Table " + n)));
        }
        return out;
    }

    /** The paper's own names for the rows of Tables 1-2. */
    private static final Map<String, String> PAPER_ROW_NAMES = Map.of("paper:burstgpt", "BurstGPT",
            "paper:azure-chat", "Azure Chat", "paper:azure-code", "Azure Code");

    private static PaperFigure figure(JsonNode f) {
        int n = (int) num(f, "number", "figures");
        String at = "figures[" + n + "]";
        List<PaperSeries> series = new ArrayList<>();
        for (JsonNode s : required(f, "series", at)) {
            List<PaperPoint> points = new ArrayList<>();
            for (JsonNode p : required(s, "points", at + ".series")) {
                JsonNode x = p.path("x");
                points.add(new PaperPoint(x.isNumber() ? trimNumber(x.asDouble()) : x.asText(),
                        x.isNumber() ? OptionalDouble.of(x.asDouble()) : OptionalDouble.empty(),
                        num(p, "y", at + ".series.points"), optional(p, "yLow"), optional(p, "yHigh"), p.path("note").asText("")));
            }
            JsonNode b = s.path("batch");
            series.add(new PaperSeries(s.path("panel").asText(""), s.path("name").asText(),
                    b.isNumber() ? OptionalInt.of(b.asInt()) : OptionalInt.empty(), points));
        }
        return new PaperFigure(n, f.path("title").asText(), f.path("x").asText(), f.path("y").asText(), f.path("unit").asText(),
                f.path("note").asText(""), f.path("trace").asText(null), series, digitized("Fig. " + n));
    }

    private static String trimNumber(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static OptionalDouble optional(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? OptionalDouble.of(v.asDouble()) : OptionalDouble.empty();
    }

    private static JsonNode required(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new IllegalStateException(RESOURCE + ": missing field '" + field + "' at '" + at + "'");
        return v;
    }

    private static double num(JsonNode n, String field, String at) {
        JsonNode v = required(n, field, at);
        if (!v.isNumber()) throw new IllegalStateException(RESOURCE + ": field '" + field + "' at '" + at + "' is not a number: " + v);
        return v.asDouble();
    }

    /** @return a {@code paper-published} provenance citing the given place of the paper */
    static Provenance published(String where) {
        return Provenance.of(Provenance.Source.PAPER_PUBLISHED, Map.of("citation", CITATION + ", " + where));
    }

    /** @return a {@code paper-digitized} provenance citing the given figure, marked approximate */
    static Provenance digitized(String where) {
        return Provenance.builder().setSource(Provenance.Source.PAPER_DIGITIZED).optReason(DIGITIZED_ACCURACY).optDetails(
                Map.of("citation", CITATION + ", " + where, "approximate", "true",
                        "read_by", "project digest of the paper (shared/reference/paper-digest.md)")).build();
    }
}

package org.llmenergy.experiment.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Results as a Tablesaw table, one row per record and one column per field: nested objects are flattened
 * with dotted names ({@code measurement.energy.decode.gross.per1024J}), lists become their JSON text. A
 * column whose values are all integers is a {@code LongColumn}, all numbers a {@code DoubleColumn}, all
 * booleans a {@code BooleanColumn}, anything else a {@code StringColumn}; JSON nulls and absent fields are
 * missing values.
 */
public final class ResultsTable {
    private ResultsTable() {}

    /**
     * @param files results files; their skipped lines are dropped (read them with {@link ResultsReader} to see)
     * @return the table of every record, in file order
     * @throws IOException when a file cannot be read
     */
    public static Table load(Path... files) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (Path f : files) for (StoredRecord r : ResultsReader.read(f).records()) rows.add(r.json());
        return of(files.length == 1 ? files[0].getFileName().toString() : "results", rows);
    }

    /**
     * @param name table name
     * @param rows JSON objects
     * @return the flattened table
     */
    public static Table of(String name, List<JsonNode> rows) {
        List<Map<String, JsonNode>> flat = new ArrayList<>();
        Map<String, Kind> kinds = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            Map<String, JsonNode> cells = new LinkedHashMap<>();
            flatten("", row, cells);
            for (Map.Entry<String, JsonNode> e : cells.entrySet()) {
                kinds.merge(e.getKey(), Kind.of(e.getValue()), Kind::join);
            }
            flat.add(cells);
        }
        List<Column<?>> columns = new ArrayList<>();
        for (Map.Entry<String, Kind> e : kinds.entrySet()) columns.add(column(e.getKey(), e.getValue(), flat));
        return Table.create(name, columns);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(prefix, node);
        }
    }

    private static Column<?> column(String name, Kind kind, List<Map<String, JsonNode>> rows) {
        switch (kind) {
            case LONG -> {
                LongColumn c = LongColumn.create(name);
                for (Map<String, JsonNode> r : rows) {
                    JsonNode v = r.get(name);
                    if (v == null || v.isNull()) c.appendMissing();
                    else c.append(v.longValue());
                }
                return c;
            }
            case DOUBLE -> {
                DoubleColumn c = DoubleColumn.create(name);
                for (Map<String, JsonNode> r : rows) {
                    JsonNode v = r.get(name);
                    if (v == null || v.isNull()) c.appendMissing();
                    else c.append(v.doubleValue());
                }
                return c;
            }
            case BOOLEAN -> {
                BooleanColumn c = BooleanColumn.create(name);
                for (Map<String, JsonNode> r : rows) {
                    JsonNode v = r.get(name);
                    if (v == null || v.isNull()) c.appendMissing();
                    else c.append(v.booleanValue());
                }
                return c;
            }
            default -> {
                StringColumn c = StringColumn.create(name);
                for (Map<String, JsonNode> r : rows) {
                    JsonNode v = r.get(name);
                    if (v == null || v.isNull()) c.appendMissing();
                    else c.append(v.isTextual() ? v.asText() : v.toString());
                }
                return c;
            }
        }
    }

    /** The narrowest column type that holds every value seen. */
    private enum Kind {
        NONE, LONG, DOUBLE, BOOLEAN, STRING;

        static Kind of(JsonNode v) {
            if (v.isNull()) return NONE;
            if (v.isIntegralNumber() && v.canConvertToLong()) return LONG;
            if (v.isNumber()) return DOUBLE;
            if (v.isBoolean()) return BOOLEAN;
            return STRING;
        }

        static Kind join(Kind a, Kind b) {
            if (a == NONE) return b;
            if (b == NONE || a == b) return a;
            if ((a == LONG && b == DOUBLE) || (a == DOUBLE && b == LONG)) return DOUBLE;
            return STRING;
        }
    }
}

package org.llmenergy.impact;

import java.util.ArrayList;
import java.util.List;

/** The small CSV dialect of the factor files and CodeCarbon's emissions.csv: commas, optional double quotes. */
final class Csv {
    private Csv() {}

    /** The UTF-8 byte-order mark as a character; impact.csv starts with one. */
    static final char BOM = '\uFEFF';

    /** @return the fields of one line; {@code ""} inside quotes is a quote */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    /** @return the field quoted when it holds a comma, quote or line break */
    static String quote(String field) {
        if (field == null) return "";
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) return field;
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** @return the line without a leading byte-order mark */
    static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == BOM ? line.substring(1) : line;
    }

    /**
     * @return a finite number parsed from {@code text}
     * @throws IllegalArgumentException naming file, line and field when it is not one
     */
    static double number(String text, String file, int line, String field) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + ":" + line + ": field '" + field + "' is not a finite number: '" + text + "'");
    }
}

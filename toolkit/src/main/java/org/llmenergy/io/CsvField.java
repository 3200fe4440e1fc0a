package org.llmenergy.io;

/** Writing one CSV field so that {@link CsvReader} (and any RFC 4180 reader) reads it back as it was. */
public final class CsvField {
    private CsvField() {}

    /**
     * @param field the text, or null for an empty field
     * @return the field, quoted (inner quotes doubled) when it holds a comma, quote or line break
     */
    public static String quote(String field) {
        if (field == null) return "";
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) return field;
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}

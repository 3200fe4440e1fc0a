package org.llmenergy.io;

import java.util.List;

/**
 * How {@link CsvReader} reads a file, in the manner of Tablesaw's {@code CsvReadOptions}: build with
 * {@link #builder()}, for example {@code CsvOptions.builder().require("input_bin", "output_bin").fixedOrder().build()}.
 *
 * @param header           whether the first non-blank line names the columns; without one, {@code required} names
 *                         them
 * @param required         columns the header must have
 * @param optional         with {@code fixedOrder}: columns that may follow the required ones, in this order
 * @param fixedOrder       whether the header must be exactly {@code required} followed by a prefix of
 *                         {@code optional}; otherwise it must contain {@code required}, in any order, among others
 * @param commentPrefix    a line starting with this is skipped; null for none
 * @param quoting          whether a double quote at the start of a field opens a quoted field ({@code ""} is a quote)
 * @param trim             whether white space around each field is dropped
 * @param missingTrailing  how many trailing fields a row may leave out (read as empty); a row with more fields than
 *                         the header is always an error
 */
public record CsvOptions(boolean header, List<String> required, List<String> optional, boolean fixedOrder,
                         String commentPrefix, boolean quoting, boolean trim, int missingTrailing) {
    public CsvOptions {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
        if (!header && required.isEmpty()) throw new IllegalArgumentException("a CSV without a header needs its column names");
        if (!fixedOrder && !optional.isEmpty()) throw new IllegalArgumentException("optional columns need fixedOrder()");
        if (commentPrefix != null && commentPrefix.isEmpty()) throw new IllegalArgumentException("empty comment prefix");
        if (missingTrailing < 0) throw new IllegalArgumentException("missingTrailing must be >= 0, got " + missingTrailing);
    }

    /** @return a builder for a file with a header, quoting on, fields trimmed and every row complete */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link CsvOptions}; every setter returns the builder. */
    public static final class Builder {
        private boolean header = true;
        private List<String> required = List.of();
        private List<String> optional = List.of();
        private boolean fixedOrder;
        private String commentPrefix;
        private boolean quoting = true;
        private boolean trim = true;
        private int missingTrailing;

        private Builder() {}

        /** @param header whether the first non-blank line names the columns (default true) */
        public Builder header(boolean header) { this.header = header; return this; }

        /** @param columns columns the header must have */
        public Builder require(String... columns) { return require(List.of(columns)); }

        /** @param columns columns the header must have */
        public Builder require(List<String> columns) { this.required = columns; return this; }

        /** @param columns columns that may follow the required ones, in this order (implies {@link #fixedOrder()}) */
        public Builder optional(String... columns) { this.optional = List.of(columns); this.fixedOrder = true; return this; }

        /** The header must be exactly the required columns, then a prefix of the optional ones. */
        public Builder fixedOrder() { this.fixedOrder = true; return this; }

        /** @param prefix lines starting with it are skipped */
        public Builder commentPrefix(String prefix) { this.commentPrefix = prefix; return this; }

        /** @param quoting whether double quotes delimit fields (default true) */
        public Builder quoting(boolean quoting) { this.quoting = quoting; return this; }

        /** @param trim whether white space around fields is dropped (default true) */
        public Builder trim(boolean trim) { this.trim = trim; return this; }

        /** @param fields how many trailing fields a row may leave out (default 0) */
        public Builder missingTrailing(int fields) { this.missingTrailing = fields; return this; }

        /** @return the options */
        public CsvOptions build() {
            return new CsvOptions(header, required, optional, fixedOrder, commentPrefix, quoting, trim, missingTrailing);
        }
    }
}

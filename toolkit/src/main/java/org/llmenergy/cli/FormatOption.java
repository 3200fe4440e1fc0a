package org.llmenergy.cli;

import picocli.CommandLine.Option;

/** The {@code --format csv|json} option; without it a command prints for people. */
final class FormatOption {
    /** Machine-readable output formats. */
    enum Format { csv, json }

    @Option(names = "--format", paramLabel = "csv|json",
            description = "Machine-readable output: csv or json (default: human-readable text).")
    Format format;

    boolean csv() { return format == Format.csv; }

    boolean json() { return format == Format.json; }

    boolean human() { return format == null; }
}

package org.llmenergy.cli;

import org.llmenergy.workload.TraceFormat;
import org.llmenergy.workload.TraceOptions;
import picocli.CommandLine.Option;

/** How to read a trace: the options every command that reads one shares ({@code workload}, {@code estimate}). */
final class TraceReadOptions {
    @Option(names = "--trace-format", paramLabel = "<format>",
            description = "azure-2023, azure-2024, burstgpt, csv or jsonl (default: the catalog's, else detected from the header).")
    String traceFormat;

    @Option(names = "--drop-failed",
            description = "Leave out failed requests (0 output tokens), as BurstGPT marks them.")
    boolean dropFailed;

    @Option(names = "--input-column", paramLabel = "<name>", description = "Generic CSV/JSONL: the input-token column.")
    String inputColumn;

    @Option(names = "--output-column", paramLabel = "<name>", description = "Generic CSV/JSONL: the output-token column.")
    String outputColumn;

    TraceOptions options() {
        return TraceOptions.DEFAULT
                .withFormat(traceFormat == null ? null : TraceFormat.fromLabel(traceFormat))
                .withDropFailed(dropFailed)
                .withColumns(inputColumn, outputColumn);
    }
}

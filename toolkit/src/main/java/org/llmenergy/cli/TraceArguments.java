package org.llmenergy.cli;

import org.llmenergy.workload.Trace;
import org.llmenergy.workload.TraceOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options naming a trace and how to read it, shared by the {@code workload} subcommands. */
final class TraceArguments {
    @Option(names = "--trace", required = true, paramLabel = "<id|path>",
            description = "A dataset id (see `llm-energy datasets list`) or a trace file.")
    String trace;

    @Mixin
    TraceReadOptions read;

    TraceOptions options() { return read.options(); }

    Trace open() { return Trace.resolve(trace, options()); }
}

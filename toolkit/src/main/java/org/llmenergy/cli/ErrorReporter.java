package org.llmenergy.cli;

import picocli.CommandLine;

/**
 * Turns an exception from a command into one line on stderr and exit code 1. The library's exceptions
 * already name the file, line and field; a stack trace is printed only with {@code LLM_ENERGY_DEBUG=1}.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cmd.getErr().println("llm-energy: " + message);
        if ("1".equals(System.getenv("LLM_ENERGY_DEBUG"))) ex.printStackTrace(cmd.getErr());
        return 1;
    }
}

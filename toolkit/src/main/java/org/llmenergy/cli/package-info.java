/**
 * The {@code llm-energy} command line: thin commands that parse, call the library and print. Machine
 * readable output with {@code --format csv|json}; errors on stderr with a non-zero exit. {@code CodeCarbonExport}
 * and {@code CodeCarbonImport} are the only glue here: they join {@code energy} and {@code experiment} to the
 * CodeCarbon layout in {@code impact}, packages that must not know each other.
 */
package org.llmenergy.cli;

/**
 * The {@code llm-energy} command line: thin commands that parse, call the library and print. Machine
 * readable output with {@code --format csv|json}; errors on stderr with a non-zero exit.
 */
package org.llmenergy.cli;

/**
 * The text formats every layer reads or writes, each handled once: the one strict CSV reader
 * ({@link org.llmenergy.io.CsvReader} with {@link org.llmenergy.io.CsvOptions}, on the streaming
 * {@link org.llmenergy.io.CsvScanner}), the configured Jackson mappers ({@link org.llmenergy.io.Json}) and HTML
 * escaping ({@link org.llmenergy.io.Html}). A malformed file is a {@link org.llmenergy.io.FileFormatException} whose
 * message reads {@code file:line:col (field): reason}. Depends on nothing else in the toolkit, so every package may
 * use it.
 */
package org.llmenergy.io;

package org.llmenergy.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.llmenergy.data.DatasetEntry;
import org.llmenergy.data.DatasetException;
import org.llmenergy.data.DatasetResolver;
import org.llmenergy.data.Datasets;
import org.llmenergy.data.ResolvedFile;
import org.llmenergy.io.CsvScanner;
import org.llmenergy.io.FileFormatException;

/**
 * A request trace on disk and how to read it. Every read is one streaming pass in bounded memory, whatever
 * the file's size; a malformed row stops the pass with a {@link TraceFormatException} naming file, line and
 * column, and the pass then has no result.
 */
public final class Trace {
    private final Path path;
    private final String source;
    private final TraceFormat format;
    private final TraceOptions options;

    private Trace(Path path, String source, TraceFormat format, TraceOptions options) {
        this.path = path;
        this.source = source;
        this.format = format;
        this.options = options.withFormat(format);
    }

    /** Opens {@code path}, detecting its format from the header. */
    public static Trace open(Path path) { return open(path, TraceOptions.DEFAULT); }

    /**
     * Opens {@code path}. The format is {@code options.format()}, or detected from the header when null.
     *
     * @throws TraceFormatException when the file is empty or its header fits no format
     */
    public static Trace open(Path path, TraceOptions options) {
        if (!Files.isRegularFile(path)) throw new TraceFormatException(path, 0, null, 0, "no such file");
        sniff(path);
        TraceFormat format = options.format() != null ? options.format() : detect(path, options);
        return new Trace(path, path.toString(), format, options);
    }

    /**
     * Resolves a catalog id (mirror, cache or download; verified) or an existing file, and opens it. A
     * catalog entry's format is used unless {@code options} names one.
     */
    public static Trace resolve(String idOrPath, TraceOptions options) {
        return resolve(idOrPath, options, Datasets.resolver());
    }

    /** {@link #resolve(String, TraceOptions)} with default options. */
    public static Trace resolve(String idOrPath) { return resolve(idOrPath, TraceOptions.DEFAULT); }

    /** {@link #resolve(String, TraceOptions)} with a given resolver. */
    public static Trace resolve(String idOrPath, TraceOptions options, DatasetResolver resolver) {
        ResolvedFile file = resolver.resolveMain(idOrPath);
        if (file.datasetId() == null) return open(file.path(), options);
        DatasetEntry entry = resolver.catalog().entry(file.datasetId());
        if (!TraceFormat.isTraceFormat(entry.format())) {
            throw new DatasetException("dataset " + entry.id() + " (format " + entry.format()
                    + ") is not a request trace");
        }
        TraceFormat format = options.format() != null ? options.format() : TraceFormat.fromLabel(entry.format());
        return new Trace(file.path(), entry.id(), format, options);
    }

    private static void sniff(Path path) {
        try {
            TraceInput.sniff(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + path + ": " + e.getMessage(), e);
        }
    }

    private static TraceFormat detect(Path path, TraceOptions options) {
        if (startsWithJsonObject(path)) return TraceFormat.JSONL;
        try (CsvScanner sc = CsvTraceReader.peek(path)) {
            List<String> header = CsvTraceReader.header(sc);
            String firstTime = sc.next() && sc.fieldCount() == header.size() && header.contains("TIMESTAMP")
                    ? sc.text(header.indexOf("TIMESTAMP")) : null;
            TraceFormat known = CsvLayout.detect(header, firstTime);
            if (known != null) return known;
            CsvLayout.of(path, header, TraceFormat.CSV, options);
            return TraceFormat.CSV;
        } catch (FileFormatException e) {
            throw TraceFormatException.of(path, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + path + ": " + e.getMessage(), e);
        }
    }

    /** @return the same file read with other options (the format stays unless {@code options} names one) */
    public Trace withOptions(TraceOptions options) {
        return new Trace(path, source, options.format() != null ? options.format() : format, options);
    }

    /** @return true when the first non-blank character (after a byte-order mark) is '{' */
    private static boolean startsWithJsonObject(Path path) {
        try (java.io.Reader r = new java.io.InputStreamReader(TraceInput.open(path),
                java.nio.charset.StandardCharsets.UTF_8.newDecoder())) {
            for (int c; (c = r.read()) >= 0; ) {
                if (c == '\uFEFF' || Character.isWhitespace(c)) continue;
                return c == '{';
            }
            return false;
        } catch (java.nio.charset.MalformedInputException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + path + ": " + e.getMessage(), e);
        }
    }

    /** @return the file */
    public Path path() { return path; }

    /** @return what the user named: the catalog id, or the path */
    public String source() { return source; }

    /** @return the layout it is read as */
    public TraceFormat format() { return format; }

    /** @return the reading options, with the format filled in */
    public TraceOptions options() { return options; }

    /**
     * Streams every request's (input, output) lengths to {@code sink}: the fast path for statistics and
     * binning (arrival times are still checked, but not built).
     *
     * @return how many rows were read and dropped
     * @throws TraceFormatException on malformed input; the sink has then seen a partial trace and must
     *                              be discarded
     */
    public ReadSummary read(LengthSink sink) {
        return pass((in, out, arrival) -> sink.accept(in, out));
    }

    /**
     * Streams every request, with its arrival time when the trace has one.
     *
     * @throws TraceFormatException on malformed input (see {@link #read(LengthSink)})
     */
    public ReadSummary forEach(Consumer<Request> consumer) {
        return pass((in, out, arrival) -> consumer.accept(new Request(in, out,
                arrival == CsvTraceReader.NO_ARRIVAL ? null
                        : Instant.ofEpochSecond(Math.floorDiv(arrival, 1_000_000_000L), Math.floorMod(arrival, 1_000_000_000L)))));
    }

    private ReadSummary pass(CsvTraceReader.RowHandler handler) {
        try {
            return format == TraceFormat.JSONL ? JsonLinesTraceReader.read(path, options, handler)
                    : CsvTraceReader.read(path, format, options, handler);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() { return source + " (" + format.label() + ", " + path + ")"; }
}

package org.llmenergy.hardware;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The GPU spec catalog: vendor, datasheet TDP, bf16 dense and sparse peaks, fp8 and fp4 dense peaks, memory and
 * bandwidth, and the GPU-to-GPU interconnect, with their sources. The built-in catalog is the resource
 * {@code org/llmenergy/hardware/gpu-specs.csv}: the project's reference table ({@code shared/reference/gpu-specs.csv})
 * extended with the Blackwell parts, H20, MI300X, MI325X and Gaudi 3, and with the vendor, fp8/fp4 and interconnect
 * columns (each row names its primary and corroborating source and its interconnect's source). An empty peak cell
 * is an unknown figure, never zero.
 *
 * <p>Lookups accept the catalog name ({@code RTX-A6000}), the name NVML reports ({@code NVIDIA RTX A6000},
 * {@code NVIDIA H100 80GB HBM3}), ML.ENERGY's labels ({@code H100}, {@code B200}), the vendor's marketing name
 * ({@code AMD Instinct MI300X}, {@code Intel Gaudi 3}) or the paper's label ({@code A6000 Ada}); case, spaces,
 * dashes and a leading "NVIDIA" do not matter.
 */
public final class GpuCatalog {
    private static final String RESOURCE = "/org/llmenergy/hardware/gpu-specs.csv";
    private static final List<String> COLUMNS = List.of("gpu", "form_factor", "memory_gb", "memory_type",
            "hbm_bandwidth_gb_s", "tdp_w", "bf16_dense_tflops", "bf16_sparse_tflops", "fp16_dense_tflops_note",
            "primary_source", "corroborating_source_seen", "confidence", "vendor", "fp8_dense_tflops",
            "fp4_dense_tflops", "interconnect", "interconnect_gb_s", "interconnect_direction", "interconnect_source");

    /** Names other tools print, mapped to catalog names (normalized keys, see {@link #normalize}). */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("a6000", "RTX-A6000"),
            Map.entry("h10080gbhbm3", "H100-SXM5-80GB"),
            Map.entry("h100sxm", "H100-SXM5-80GB"),
            Map.entry("h100", "H100-SXM5-80GB"),
            Map.entry("h100pcie", "H100-PCIe-80GB"),
            Map.entry("h100nvl", "H100-NVL-94GB"),
            Map.entry("h200", "H200-SXM-141GB"),
            Map.entry("h200nvl", "H200-NVL-141GB"),
            Map.entry("a10080gbpcie", "A100-PCIe-80GB"),
            Map.entry("a10040gbpcie", "A100-PCIe-40GB"),
            Map.entry("rtx6000adageneration", "RTX-6000-Ada"),
            Map.entry("a6000ada", "RTX-6000-Ada"),
            Map.entry("rtxa6000ada", "RTX-6000-Ada"),
            Map.entry("a10g", "A10G (AWS G5)"),
            Map.entry("geforcertx4090", "RTX-4090"),
            Map.entry("hgxb200", "B200"),
            Map.entry("dgxb200", "B200"),
            Map.entry("b200sxm", "B200"),
            Map.entry("hgxb100", "B100"),
            Map.entry("gb200nvl72", "GB200"),
            Map.entry("hgxh20", "H20"),
            Map.entry("amdinstinctmi300x", "MI300X"),
            Map.entry("instinctmi300x", "MI300X"),
            Map.entry("amdinstinctmi325x", "MI325X"),
            Map.entry("instinctmi325x", "MI325X"),
            Map.entry("intelgaudi3", "Gaudi-3"),
            Map.entry("gaudi3", "Gaudi-3"),
            Map.entry("hl325l", "Gaudi-3"));

    private static volatile GpuCatalog builtIn;

    private final Map<String, GpuSpec> byKey;
    private final List<GpuSpec> specs;

    private GpuCatalog(List<GpuSpec> specs) {
        this.specs = List.copyOf(specs);
        this.byKey = new LinkedHashMap<>();
        for (GpuSpec s : specs) byKey.put(normalize(s.name()), s);
    }

    /** @return the built-in catalog (loaded once from the classpath resource) */
    public static GpuCatalog builtIn() {
        GpuCatalog c = builtIn;
        if (c == null) {
            try (InputStream in = GpuCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing classpath resource " + RESOURCE);
                c = parse(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            builtIn = c;
        }
        return c;
    }

    /**
     * Loads a catalog in the same CSV format as the built-in one.
     *
     * @param file the CSV file
     * @return the catalog
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file, line and column of the first bad cell
     */
    public static GpuCatalog load(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        }
    }

    /**
     * Parses catalog CSV text.
     *
     * @param reader     the text
     * @param sourceName the name used in error messages (a file path)
     * @return the catalog
     * @throws IOException when reading fails
     */
    public static GpuCatalog parse(Reader reader, String sourceName) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        String header = in.readLine();
        if (header == null) throw new IllegalArgumentException(sourceName + ": empty GPU catalog");
        List<String> names = splitCsv(header, sourceName, 1);
        if (!names.equals(COLUMNS)) {
            throw new IllegalArgumentException(sourceName + ", line 1: expected header " + String.join(",", COLUMNS)
                    + " but got " + header);
        }
        List<GpuSpec> specs = new ArrayList<>();
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) continue;
            List<String> cells = splitCsv(line, sourceName, lineNo);
            if (cells.size() != COLUMNS.size()) {
                throw new IllegalArgumentException(sourceName + ", line " + lineNo + ": expected " + COLUMNS.size()
                        + " columns, found " + cells.size());
            }
            specs.add(row(cells, sourceName, lineNo));
        }
        return new GpuCatalog(specs);
    }

    private static GpuSpec row(List<String> c, String src, int line) {
        boolean[] unofficial = new boolean[1];
        double mem = number(c, 2, src, line, unofficial);
        double bw = number(c, 4, src, line, unofficial);
        double tdp = number(c, 5, src, line, unofficial);
        double dense = number(c, 6, src, line, unofficial);
        OptionalDouble sparse = optionalNumber(c, 7, src, line, unofficial);
        OptionalDouble fp8 = optionalNumber(c, 13, src, line, unofficial);
        OptionalDouble fp4 = optionalNumber(c, 14, src, line, unofficial);
        double linkGbPerS = number(c, 16, src, line, unofficial);
        try {
            Vendor vendor = Vendor.parse(cell(c, 12, src, line));
            Interconnect link = new Interconnect(cell(c, 15, src, line), linkGbPerS,
                    Interconnect.Direction.parse(cell(c, 17, src, line)), cell(c, 18, src, line));
            return new GpuSpec(c.get(0), c.get(1), mem, c.get(3), bw, tdp, dense, sparse, c.get(8), c.get(9),
                    c.get(10), c.get(11), unofficial[0], vendor, fp8, fp4, link);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(src + ", line " + line + ": " + e.getMessage(), e);
        }
    }

    /** A text cell that must not be empty. */
    private static String cell(List<String> cells, int col, String src, int line) {
        String v = cells.get(col).trim();
        if (v.isEmpty()) throw new IllegalArgumentException("column " + COLUMNS.get(col) + " is empty");
        return v;
    }

    /** An empty cell is an unknown figure; anything else must be a number as in {@link #number}. */
    private static OptionalDouble optionalNumber(List<String> cells, int col, String src, int line, boolean[] unofficial) {
        if (cells.get(col).isBlank()) return OptionalDouble.empty();
        return OptionalDouble.of(number(cells, col, src, line, unofficial));
    }

    /** Reads a number cell; a leading '~' or a trailing "(unofficial)" note marks the row as unofficial. */
    private static double number(List<String> cells, int col, String src, int line, boolean[] unofficial) {
        String raw = cells.get(col).trim();
        String v = raw;
        if (v.startsWith("~")) {
            unofficial[0] = true;
            v = v.substring(1);
        }
        int paren = v.indexOf('(');
        if (paren >= 0) {
            if (v.substring(paren).toLowerCase(Locale.ROOT).contains("unofficial")) unofficial[0] = true;
            v = v.substring(0, paren);
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(src + ", line " + line + ", column " + COLUMNS.get(col)
                    + ": not a number: '" + raw + "'");
        }
    }

    /** Splits one CSV line, honouring double-quoted cells with "" escapes. */
    private static List<String> splitCsv(String line, String src, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) throw new IllegalArgumentException(src + ", line " + lineNo + ": unterminated quoted cell");
        out.add(cur.toString());
        return out;
    }

    /** Lower case, no leading "nvidia", letters and digits only. */
    static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT).trim();
        if (n.startsWith("nvidia")) n = n.substring("nvidia".length());
        return n.replaceAll("[^a-z0-9]", "");
    }

    /** @return every spec, in catalog order */
    public List<GpuSpec> all() { return specs; }

    /**
     * @param name a catalog name, an NVML product name or an alias
     * @return the spec, or empty when the catalog has no such GPU
     */
    public Optional<GpuSpec> find(String name) {
        String key = normalize(name);
        GpuSpec s = byKey.get(key);
        if (s == null && ALIASES.containsKey(key)) s = byKey.get(normalize(ALIASES.get(key)));
        return Optional.ofNullable(s);
    }

    /**
     * @param name a catalog name, an NVML product name or an alias
     * @return the spec
     * @throws IllegalArgumentException listing the catalog's names when there is none of that name
     */
    public GpuSpec get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown GPU '" + name + "'; known: "
                + specs.stream().map(GpuSpec::name).toList()));
    }
}

package org.llmenergy.hardware;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.llmenergy.io.CsvOptions;
import org.llmenergy.io.CsvReader;
import org.llmenergy.io.CsvRow;
import org.llmenergy.io.FileFormatException;

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
    private static final CsvOptions OPTIONS = CsvOptions.builder().require(COLUMNS).fixedOrder().build();

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
                c = read(CsvReader.open(in, "classpath:" + RESOURCE, OPTIONS));
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
        return read(CsvReader.open(file, OPTIONS));
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
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        return read(CsvReader.open(new ByteArrayInputStream(bytes), sourceName, OPTIONS));
    }

    private static GpuCatalog read(CsvReader csv) throws IOException {
        try (csv) {
            return new GpuCatalog(csv.rows().stream().map(GpuCatalog::row).toList());
        }
    }

    private static GpuSpec row(CsvRow r) {
        boolean[] unofficial = new boolean[1];
        double mem = number(r, "memory_gb", unofficial);
        double bw = number(r, "hbm_bandwidth_gb_s", unofficial);
        double tdp = number(r, "tdp_w", unofficial);
        double dense = number(r, "bf16_dense_tflops", unofficial);
        OptionalDouble sparse = optionalNumber(r, "bf16_sparse_tflops", unofficial);
        OptionalDouble fp8 = optionalNumber(r, "fp8_dense_tflops", unofficial);
        OptionalDouble fp4 = optionalNumber(r, "fp4_dense_tflops", unofficial);
        double linkGbPerS = number(r, "interconnect_gb_s", unofficial);
        Vendor vendor = parsed(r, "vendor", Vendor::parse);
        Interconnect.Direction direction = parsed(r, "interconnect_direction", Interconnect.Direction::parse);
        try {
            Interconnect link = new Interconnect(cell(r, "interconnect"), linkGbPerS, direction, cell(r, "interconnect_source"));
            return new GpuSpec(r.text("gpu"), r.text("form_factor"), mem, r.text("memory_type"), bw, tdp, dense, sparse,
                    r.text("fp16_dense_tflops_note"), r.text("primary_source"), r.text("corroborating_source_seen"),
                    r.text("confidence"), unofficial[0], vendor, fp8, fp4, link);
        } catch (FileFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw r.error(e.getMessage());
        }
    }

    /** A text cell that must not be empty, parsed by {@code parser}; its error names the cell. */
    private static <T> T parsed(CsvRow r, String column, java.util.function.Function<String, T> parser) {
        String v = cell(r, column);
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            throw r.error(column, e.getMessage());
        }
    }

    /** A text cell that must not be empty. */
    private static String cell(CsvRow r, String column) {
        String v = r.text(column);
        if (v.isEmpty()) throw r.error(column, "empty");
        return v;
    }

    /** An empty cell is an unknown figure; anything else must be a number as in {@link #number}. */
    private static OptionalDouble optionalNumber(CsvRow r, String column, boolean[] unofficial) {
        if (r.text(column).isEmpty()) return OptionalDouble.empty();
        return OptionalDouble.of(number(r, column, unofficial));
    }

    /** Reads a number cell; a leading '~' or a trailing "(unofficial)" note marks the row as unofficial. */
    private static double number(CsvRow r, String column, boolean[] unofficial) {
        String raw = r.text(column);
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
            throw r.error(column, "not a number: '" + raw + "'");
        }
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

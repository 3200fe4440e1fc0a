package org.llmenergy.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.llmenergy.data.DatasetEntry;
import org.llmenergy.data.DatasetFile;
import org.llmenergy.data.DatasetLocations;
import org.llmenergy.data.DatasetResolver;
import org.llmenergy.data.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import org.llmenergy.io.Json;

/** {@code llm-energy datasets list}: every catalog entry and where its files are. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Every dataset of the catalog: id, format, files, size, licence, and how many files are on disk.")
final class DatasetsListCommand implements Callable<Integer> {
    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        DatasetResolver resolver = Datasets.resolver();
        DatasetLocations where = resolver.locations();
        PrintStream out = System.out;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DatasetEntry e : resolver.catalog().entries()) {
            int mirrored = 0;
            int cached = 0;
            for (DatasetFile f : e.files()) {
                if (where.inMirror(e.id(), f).filter(Files::isRegularFile).isPresent()) mirrored++;
                else if (Files.isRegularFile(where.inCache(e.id(), f))) cached++;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", e.id());
            r.put("format", e.format());
            r.put("files", e.files().size());
            r.put("bytes", e.totalSize());
            r.put("license", e.license());
            r.put("mirrored", mirrored);
            r.put("cached", cached);
            r.put("title", e.title());
            r.put("citation", e.citation());
            rows.add(r);
        }
        if (output.json()) {
            out.println(Json.pretty().writeValueAsString(rows));
        } else if (output.csv()) {
            out.println("id,format,files,bytes,license,mirrored,cached");
            for (Map<String, Object> r : rows) {
                out.println(r.get("id") + "," + r.get("format") + "," + r.get("files") + ","
                        + (r.get("bytes") == null ? "" : r.get("bytes")) + "," + r.get("license") + ","
                        + r.get("mirrored") + "," + r.get("cached"));
            }
        } else {
            out.printf(Locale.ROOT, "%-26s %-17s %5s %10s %-11s %s%n", "id", "format", "files", "size", "license", "on disk");
            for (Map<String, Object> r : rows) {
                Long bytes = (Long) r.get("bytes");
                out.printf(Locale.ROOT, "%-26s %-17s %5d %10s %-11s %s%n", r.get("id"), r.get("format"), r.get("files"),
                        bytes == null ? "unknown" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6), r.get("license"),
                        onDisk((int) r.get("mirrored"), (int) r.get("cached"), (int) r.get("files")));
            }
            out.println("mirror: " + where.mirrorDir().map(Object::toString).orElse("(none; set LLM_ENERGY_DATASETS_MIRROR)")
                    + "; cache: " + where.cache() + (where.downloadsAllowed() ? "" : "; downloads disabled"));
        }
        return 0;
    }

    private static String onDisk(int mirrored, int cached, int files) {
        if (mirrored + cached == 0) return "not on disk (fetch downloads it)";
        List<String> parts = new ArrayList<>();
        if (mirrored > 0) parts.add(mirrored + " mirrored");
        if (cached > 0) parts.add(cached + " cached");
        return String.join(", ", parts) + (mirrored + cached < files ? " of " + files : "");
    }
}

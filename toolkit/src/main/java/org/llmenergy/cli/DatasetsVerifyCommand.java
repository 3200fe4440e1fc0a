package org.llmenergy.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.llmenergy.data.DatasetEntry;
import org.llmenergy.data.DatasetResolver;
import org.llmenergy.data.Datasets;
import org.llmenergy.data.FileCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import org.llmenergy.io.CsvField;
import org.llmenergy.io.Json;

/** {@code llm-energy datasets verify [<id>...]}: hash every local copy and compare with the catalog. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Hashes every local copy (mirror and cache) of every file of the given datasets (default: all) "
                + "and compares it with the catalog's sha256.",
                "Reports ok, mismatch, no-checksum (none published; the hash is printed), missing and not-a-file (a directory",
                "or broken link where a file should be); exits 1 on any mismatch or not-a-file, or when the mirror"
                        + " folder named does not exist."})
final class DatasetsVerifyCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "<id>", description = "Dataset ids (default: every catalog entry).")
    List<String> ids;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        DatasetResolver resolver = Datasets.resolver();
        resolver.requireMirrorFolder();
        List<DatasetEntry> entries = new ArrayList<>();
        if (ids == null || ids.isEmpty()) entries.addAll(resolver.catalog().entries());
        else for (String id : ids) entries.add(resolver.catalog().entry(id));
        List<FileCheck> checks = new ArrayList<>();
        for (DatasetEntry e : entries) checks.addAll(resolver.check(e));
        Map<FileCheck.Status, Integer> tally = new EnumMap<>(FileCheck.Status.class);
        for (FileCheck.Status s : FileCheck.Status.values()) tally.put(s, 0);
        for (FileCheck c : checks) tally.merge(c.status(), 1, Integer::sum);
        if (output.json()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (FileCheck c : checks) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", c.datasetId());
                r.put("path", c.file().path());
                r.put("status", c.status().label());
                r.put("origin", c.origin() == null ? null : c.origin().label());
                r.put("location", c.location() == null ? null : c.location().toString());
                r.put("expected", c.file().sha256());
                r.put("actual", c.actual());
                rows.add(r);
            }
            System.out.println(Json.pretty().writeValueAsString(rows));
        } else if (output.csv()) {
            System.out.println("id,path,status,origin,expected,actual");
            for (FileCheck c : checks) {
                System.out.println(c.datasetId() + "," + CsvField.quote(c.file().path()) + "," + c.status().label() + ","
                        + (c.origin() == null ? "" : c.origin().label()) + "," + nullToEmpty(c.file().sha256()) + ","
                        + nullToEmpty(c.actual()));
            }
        } else {
            for (FileCheck c : checks) {
                String line = switch (c.status()) {
                    case OK -> "ok           " + c.datasetId() + "/" + c.file().path() + " (" + c.origin().label() + ")";
                    case MISMATCH -> "MISMATCH     " + c.location() + ": expected " + c.file().sha256() + ", got " + c.actual();
                    case NO_CHECKSUM -> "no-checksum  " + c.location() + " (none published) sha256 " + c.actual();
                    case MISSING -> "missing      " + c.datasetId() + "/" + c.file().path();
                    case NOT_A_FILE -> "NOT-A-FILE   " + c.location() + ": a directory or broken link stands where the"
                            + " file should be; remove it and fetch the file again";
                };
                System.out.println(line);
            }
        }
        System.err.println("verified " + checks.size() + " file copies: " + tally.get(FileCheck.Status.OK) + " ok, "
                + tally.get(FileCheck.Status.MISMATCH) + " mismatched, " + tally.get(FileCheck.Status.NO_CHECKSUM)
                + " without a published sha256, " + tally.get(FileCheck.Status.MISSING) + " missing, "
                + tally.get(FileCheck.Status.NOT_A_FILE) + " not a file");
        return tally.get(FileCheck.Status.MISMATCH) + tally.get(FileCheck.Status.NOT_A_FILE) > 0 ? 1 : 0;
    }

    private static String nullToEmpty(String s) { return s == null ? "" : s; }
}

package org.llmenergy.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.llmenergy.data.DatasetEntry;
import org.llmenergy.data.DatasetException;
import org.llmenergy.data.DatasetFile;
import org.llmenergy.data.DatasetResolver;
import org.llmenergy.data.Datasets;
import org.llmenergy.data.ResolvedFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code llm-energy datasets fetch <id>...}: make every file of the datasets available locally. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Makes every file of the given datasets available: from the mirror, the cache, or a download "
                + "(progress on stderr), each checked against its sha256 when known. Exits 1 if any file failed.")
final class DatasetsFetchCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "<id>", description = "Dataset ids (see `llm-energy datasets list`).")
    List<String> ids;

    @Override
    public Integer call() {
        DatasetResolver resolver = Datasets.resolver();
        for (String id : ids) resolver.catalog().entry(id);
        int failed = 0;
        for (String id : ids) {
            DatasetEntry e = resolver.catalog().entry(id);
            for (DatasetFile f : e.files()) {
                try {
                    ResolvedFile r = resolver.resolve(e, f);
                    System.out.println(id + "  " + f.path() + "  " + r.origin().label() + (r.verified() ? ", sha256 ok" : ", no sha256 published")
                            + "  " + r.path());
                } catch (DatasetException ex) {
                    failed++;
                    System.err.println("llm-energy: " + ex.getMessage());
                }
            }
        }
        if (failed > 0) {
            System.err.println("llm-energy: " + failed + " file(s) could not be fetched");
            return 1;
        }
        return 0;
    }
}

package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.progress.ProgressListener;
import org.llmenergy.experiment.progress.ProgressSnapshot;
import org.llmenergy.experiment.results.ResultRecord;
import org.llmenergy.experiment.spec.SpecReader;
import org.llmenergy.experiment.spec.SweepSpec;

import java.nio.file.Path;

/**
 * The child process of {@link KillResumeTest}: resumes a sweep with the synthetic engine and prints
 * {@code STARTED} when the sweep's first progress event arrives (results read, file opened, environment
 * captured), then {@code RECORD <cell key> <repeat>} after each record is durably appended, then {@code DONE}.
 * An optional third argument is how often a crashed cell is retried (default: always, since the kills of
 * {@link KillResumeTest} are the test's, not the cell's).
 */
public final class KillTestSweepMain {
    private KillTestSweepMain() {}

    public static void main(String[] args) throws Exception {
        SweepSpec spec = SpecReader.read(Path.of(args[0]));
        Path out = Path.of(args[1]);
        try (Backend backend = Backends.create(spec)) {
            int retries = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
            new SweepRunner(spec, backend).resume(true).retryCrashed(retries).progress(new ProgressListener() {
                private boolean started;

                @Override
                public void onProgress(ProgressSnapshot snapshot) {
                    if (!started) {
                        started = true;
                        System.out.println("STARTED");
                        System.out.flush();
                    }
                }

                @Override
                public void onRecord(ResultRecord r) {
                    System.out.println("RECORD " + r.cellKey() + " " + (r.repeat() == null ? "failure" : r.repeat()));
                    System.out.flush();
                }
            }).run(out);
        }
        System.out.println("DONE");
        System.out.flush();
    }
}

package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.spec.Shard;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs environment/slurm/submit.sh (and through it sweep.sbatch and merge.sbatch) with a fake {@code sbatch}
 * that executes array tasks one after another, and the CLI on the test classpath (synthetic engine).
 */
class SlurmTemplateTest {
    @TempDir
    Path dir;

    private static final String FAKE_SBATCH = """
            #!/usr/bin/env bash
            # fake sbatch: runs the job now; --array=a-b runs tasks a..b in turn with Slurm's array variables
            array=""; script=""; args=()
            while [ $# -gt 0 ]; do
              case "$1" in
                --array=*) array=${1#--array=} ;;
                --*) ;;
                *) script=$1; shift; args=("$@"); break ;;
              esac
              shift
            done
            jid=4242
            if [ -n "$array" ]; then
              lo=${array%-*}; hi=${array#*-}
              for ((t = lo; t <= hi; t++)); do
                SLURM_ARRAY_JOB_ID=$jid SLURM_ARRAY_TASK_ID=$t SLURM_ARRAY_TASK_MIN=$lo \\
                SLURM_ARRAY_TASK_COUNT=$((hi - lo + 1)) SLURM_SUBMIT_DIR=$PWD \\
                  bash "$script" "${args[@]}" >>"$FAKE_SLURM_LOG" 2>&1 || { echo "task $t failed" >&2; exit 1; }
              done
            else
              SLURM_SUBMIT_DIR=$PWD bash "$script" "${args[@]}" >>"$FAKE_SLURM_LOG" 2>&1 || { echo "job failed" >&2; exit 1; }
            fi
            echo "$jid"
            """;

    private Path executable(String name, String text) throws Exception {
        Path p = dir.resolve("bin").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void submitRunsTheArrayAndMergesIntoASingleRunsCells() throws Exception {
        Path root = Path.of(System.getProperty("llmenergy.repo.root")).toRealPath();
        executable("sbatch", FAKE_SBATCH);
        Path cli = executable("llm-energy-test-cli", "#!/usr/bin/env bash\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' -XX:TieredStopAtLevel=1 -cp '"
                + System.getProperty("java.class.path") + "' org.llmenergy.cli.Main \"$@\"\n");
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, ShardMergeTest.SPEC);
        Path results = dir.resolve("results");
        Path log = dir.resolve("slurm.log");

        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("environment/slurm/submit.sh").toString(),
                spec.toString(), results.toString(), "3", "--partition=test")
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("LLM_ENERGY_CLI", cli.toString());
        pb.environment().put("FAKE_SLURM_LOG", log.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String slurmLog = Files.exists(log) ? Files.readString(log) : "";
        assertEquals(0, p.exitValue(), output + slurmLog);
        assertTrue(output.contains("submitted sweep array 4242 (3 shards) and merge job 4242"), output);
        assertTrue(slurmLog.contains("shard 2/3"), slurmLog);

        for (int k = 0; k < 3; k++) assertTrue(Files.exists(results.resolve("shard-" + k + "-of-3.jsonl")));
        Path single = dir.resolve("single.jsonl");
        SweepRunnerTest.run(SweepRunnerTest.spec(ShardMergeTest.SPEC), single, Shard.ALL, false);
        Path merged = results.resolve("results.jsonl");
        assertEquals(SweepRunnerTest.identities(single), SweepRunnerTest.identities(merged));
        assertEquals(48, ResultsReader.read(merged).records().size());
        assertEquals(List.of(), ResultsReader.read(merged).skipped());
    }
}

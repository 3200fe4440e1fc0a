package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code measure} under signals, missing commands and an unwritable --out (issue 10, item 3). */
class MeasureSignalsTest {
    @TempDir
    Path tmp;

    private static boolean groupAlive(long pgid) throws Exception {
        try (var dirs = Files.list(Path.of("/proc"))) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d+")).anyMatch(d -> {
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return Long.parseLong(f[2]) == pgid && !f[0].equals("Z");
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    @Test
    void sigtermIsForwardedToTheCommandsGroupAndTheMeasurementStillWritten() throws Exception {
        Path out = tmp.resolve("m.json");
        Path pidFile = tmp.resolve("pid");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "measure", "--meter", "cpu-estimate", "--out", out.toString(), "--",
                "sh", "-c", "echo $$ > " + pidFile + "; sleep 60 & wait")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
        for (int i = 0; i < 300 && !(Files.exists(pidFile) && Files.size(pidFile) > 0); i++) Thread.sleep(50);
        long shell = Long.parseLong(Files.readString(pidFile).trim());
        assertTrue(groupAlive(shell));
        jvm.destroy(); // SIGTERM to measure's JVM only, as `kill PID` or Slurm's time limit would send
        assertTrue(jvm.waitFor(30, TimeUnit.SECONDS));
        String log = Files.readString(tmp.resolve("log"));
        // before the fix: the JVM died at once with 143, no measurement, and the shell and sleep ran on
        assertEquals(143, jvm.exitValue(), log);
        JsonNode doc = new ObjectMapper().readTree(Files.readString(out));
        assertTrue(doc.get("interrupted").asBoolean());
        assertEquals("SIGTERM", doc.get("interruptedBy").asText());
        assertEquals("SIGTERM", doc.get("signal").asText());
        assertEquals(143, doc.get("exitCode").asInt());
        assertTrue(doc.get("total").get("joules").isNumber(), doc.toString());
        assertFalse(groupAlive(shell), "the measured command's processes were left running");
        assertTrue(log.contains("SIGTERM received and forwarded"), log);
    }

    @Test
    void aMissingCommandExits127AndANonExecutableOne126() throws Exception {
        Path out = tmp.resolve("never.json");
        CliRun missing = CliRun.of("measure", "--meter", "cpu-estimate", "--out", out.toString(), "--", "no-such-command-xyz");
        assertEquals(127, missing.exit());
        assertFalse(Files.exists(out), "no empty --out left for a command that never ran");
        assertTrue(missing.err().contains("no-such-command-xyz: command not found"), missing.err());
        Path script = Files.writeString(tmp.resolve("script.sh"), "echo hi\n");
        CliRun notExec = CliRun.of("measure", "--meter", "cpu-estimate", "--", script.toString());
        assertEquals(126, notExec.exit());
        assertTrue(notExec.err().contains("not executable"), notExec.err());
    }

    @Test
    void anUnwritableOutIsRefusedBeforeRunningAndAFailedWriteStillPrintsTheJson() throws Exception {
        Path marker = tmp.resolve("ran");
        CliRun refused = CliRun.of("measure", "--meter", "cpu-estimate", "--out", tmp.resolve("no/dir/m.json").toString(),
                "--", "touch", marker.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("cannot write --out") && refused.err().contains("was not run"), refused.err());
        assertFalse(Files.exists(marker), "the command ran although its measurement had nowhere to go");

        // /dev/full opens but every write fails with ENOSPC, as a disk that fills during the run
        CliRun full = CliRun.of("measure", "--meter", "cpu-estimate", "--out", "/dev/full", "--", "sh", "-c", "exit 3");
        assertEquals(3, full.exit(), "the child's exit code is kept");
        assertTrue(full.err().contains("cannot write /dev/full"), full.err());
        String json = full.err().substring(full.err().indexOf('{'));
        assertEquals(3, new ObjectMapper().readTree(json).get("exitCode").asInt());
    }

    @Test
    void processesThatOutliveTheCommandAreReported() throws Exception {
        Path pidFile = tmp.resolve("bg");
        CliRun r = CliRun.of("measure", "--meter", "cpu-estimate", "--format", "json", "--",
                "sh", "-c", "sleep 30 & echo $! > " + pidFile);
        long bg = Long.parseLong(Files.readString(pidFile).trim());
        try {
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.err().contains("still ran when it exited (pids [" + bg + "])"), r.err());
            JsonNode doc = new ObjectMapper().readTree(r.err().substring(r.err().indexOf('{')));
            assertEquals(bg, doc.get("survivingProcesses").get(0).asLong());
            assertFalse(doc.get("interrupted").asBoolean());
        } finally {
            ProcessHandle.of(bg).ifPresent(ProcessHandle::destroy);
        }
    }
}

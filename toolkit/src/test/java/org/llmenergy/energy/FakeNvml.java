package org.llmenergy.energy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fake libnvidia-ml.so.1 that toolkit/pom.xml builds from src/test/native/fake_nvml.c. Tests set
 * {@code jna.library.path} to its folder and open meters with its absolute path, so no test can drive a
 * real GPU's NVML even on a machine that has one (JNA caches libraries by name, so another test that loaded
 * the real NVML as "nvidia-ml" first cannot redirect these). {@link #loadByName()} shows that the ordinary
 * name resolves to the fake through {@code jna.library.path}. {@link #virtualClock()} puts the fake and the meter
 * on one virtual clock that moves only when the test advances it.
 */
final class FakeNvml {
    interface Control extends Library {
        int fake_nvml_set_script(String text);

        int fake_nvml_refs();

        int fake_nvml_set_time_ns(long ns);

        int fake_nvml_use_real_time();
    }

    private static Control control;

    private FakeNvml() {}

    static Path folder() {
        String root = System.getProperty("llmenergy.repo.root");
        Path dir = root != null ? Path.of(root, "toolkit", "target", "fake-nvml") : Path.of("target", "fake-nvml");
        return dir.toAbsolutePath().normalize();
    }

    /** @return the absolute path of the fake library */
    static String path() {
        Path lib = folder().resolve("libnvidia-ml.so.1");
        assertTrue(Files.exists(lib), "the fake NVML was not built: " + lib + " (run the test phase, needs gcc)");
        return lib.toString();
    }

    static synchronized Control control() {
        if (control == null) {
            System.setProperty("jna.library.path", folder().toString());
            control = Native.load(path(), Control.class);
        }
        return control;
    }

    /** Loads NVML by its ordinary name, as production code does. @return the file JNA loaded */
    static File loadByName() {
        control();
        Native.load("nvidia-ml", Control.class);
        return NativeLibrary.getInstance("nvidia-ml").getFile();
    }

    /** Sets the script the next nvmlInit reads, and puts the fake back on real time. */
    static void script(String text) {
        control().fake_nvml_set_script(text);
        control().fake_nvml_use_real_time();
    }

    /**
     * A virtual clock that the fake reads too: open the meter with it ({@code Meters.open(kind, options, clock)})
     * after {@link #options}, which puts the fake back on real time.
     */
    static VirtualClock virtualClock() {
        Control c = control();
        return new VirtualClock(ns -> c.fake_nvml_set_time_ns(ns));
    }

    /** Options for a meter on the fake: its absolute path, fast sampling, a short counter probe, all GPUs visible. */
    static MeterOptions options(String script) {
        script(script);
        return MeterOptions.builder().optNvmlLibrary(path()).optCudaVisibleDevices(null).optCudaDeviceOrder(null)
                .optSamplingIntervalS(0.005).optTelemetryIntervalS(0.02).optCounterProbeS(0.1).build();
    }

    /** @return NVML init references currently held (0 once every meter is closed) */
    static int refs() { return control().fake_nvml_refs(); }
}

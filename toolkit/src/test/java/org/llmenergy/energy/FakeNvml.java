package org.llmenergy.energy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fake libnvidia-ml.so.1 that toolkit/pom.xml builds from src/test/native/fake_nvml.c. Tests point JNA
 * at its folder with {@code jna.library.path} and load NVML by its ordinary name, and this helper checks
 * that the library JNA picked is the fake (it exports the script control function a real NVML lacks) and
 * lives in that folder, so no test can ever drive a real GPU's NVML.
 */
final class FakeNvml {
    interface Control extends Library {
        int fake_nvml_set_script(String text);

        int fake_nvml_refs();
    }

    private static Control control;

    private FakeNvml() {}

    static Path folder() {
        String root = System.getProperty("llmenergy.repo.root");
        Path dir = root != null ? Path.of(root, "toolkit", "target", "fake-nvml") : Path.of("target", "fake-nvml");
        return dir.toAbsolutePath().normalize();
    }

    static synchronized Control control() {
        if (control == null) {
            Path dir = folder();
            assertTrue(Files.exists(dir.resolve("libnvidia-ml.so.1")),
                    "the fake NVML was not built: " + dir + "/libnvidia-ml.so.1 (run the test phase, needs gcc)");
            System.setProperty("jna.library.path", dir.toString());
            Control c = Native.load("nvidia-ml", Control.class);
            File file = NativeLibrary.getInstance("nvidia-ml").getFile();
            assertTrue(file != null && file.toPath().toAbsolutePath().normalize().startsWith(dir),
                    "JNA loaded NVML from " + file + ", not the fake in " + dir);
            control = c;
        }
        return control;
    }

    /** Sets the script the next nvmlInit reads. */
    static void script(String text) {
        control().fake_nvml_set_script(text);
    }

    /** Options for a meter on the fake: fast sampling, a short counter probe, all GPUs visible. */
    static MeterOptions options(String script) {
        script(script);
        return MeterOptions.defaults().withCudaVisibleDevices(null).withCudaDeviceOrder(null)
                .withSamplingIntervalS(0.005).withTelemetryIntervalS(0.02).withCounterProbeS(0.1);
    }

    /** @return NVML init references currently held (0 once every meter is closed) */
    static int refs() { return control().fake_nvml_refs(); }
}

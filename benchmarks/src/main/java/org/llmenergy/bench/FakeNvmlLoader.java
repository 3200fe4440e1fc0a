package org.llmenergy.bench;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Points JNA at the fake libnvidia-ml.so.1 that the toolkit's test phase builds (toolkit/target/fake-nvml),
 * and scripts it, so the sampling and window benchmarks exercise the real JNA binding without a GPU.
 */
final class FakeNvmlLoader {
    private interface Control extends Library {
        int fake_nvml_set_script(String text);
    }

    private FakeNvmlLoader() {}

    /** @return the absolute path of the fake library, after scripting it with {@code script} */
    static String load(String script) {
        Path dir = Path.of(System.getProperty("llmenergy.fake.nvml", "toolkit/target/fake-nvml")).toAbsolutePath();
        Path lib = dir.resolve("libnvidia-ml.so.1");
        if (!Files.exists(lib)) {
            throw new IllegalStateException(lib + " is missing: build it with `mvn -q -B -DskipTests package` "
                    + "from the repository root (needs gcc), or pass -Dllmenergy.fake.nvml=DIR");
        }
        System.setProperty("jna.library.path", dir.toString());
        Native.load(lib.toString(), Control.class).fake_nvml_set_script(script);
        return lib.toString();
    }
}

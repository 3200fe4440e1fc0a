package org.llmenergy.energy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A fake powercap sysfs tree, laid out like /sys/class/powercap: every zone, sub-zones included, as a
 * folder directly under the root, each with name, energy_uj and max_energy_range_uj.
 */
final class FakePowercap {
    static final long MAX = 262_143_328_850L; // a typical package max_energy_range_uj

    private final Path root;

    FakePowercap(Path root) {
        this.root = root;
    }

    Path root() { return root; }

    /** A two-socket server: package, core, uncore and DRAM per socket, plus a psys zone and an MMIO duplicate. */
    static FakePowercap twoSockets(Path root) {
        FakePowercap p = new FakePowercap(root);
        p.zone("intel-rapl", null, null); // the control-type folder has no energy_uj
        for (int s = 0; s < 2; s++) {
            p.zone("intel-rapl:" + s, "package-" + s, 1_000_000L);
            p.zone("intel-rapl:" + s + ":0", "core", 500_000L);
            p.zone("intel-rapl:" + s + ":1", "uncore", 100_000L);
            p.zone("intel-rapl:" + s + ":2", "dram", 2_000_000L);
        }
        p.zone("intel-rapl:2", "psys", 9_000_000L);
        p.zone("intel-rapl-mmio:0", "package-0", 1_000_000L);
        return p;
    }

    void zone(String dir, String name, Long energy) {
        try {
            Path d = Files.createDirectories(root.resolve(dir));
            if (name != null) Files.writeString(d.resolve("name"), name + "\n");
            if (energy != null) {
                set(dir, energy);
                Files.writeString(d.resolve("max_energy_range_uj"), MAX + "\n");
            } else {
                Files.writeString(d.resolve("enabled"), "1\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites a zone's max_energy_range_uj. */
    void maxRange(String dir, long uj) {
        try {
            Files.writeString(root.resolve(dir).resolve("max_energy_range_uj"), uj + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a zone's counter atomically, so a concurrent reader never sees a half-written number. */
    void set(String dir, long energyUj) {
        try {
            Path tmp = root.resolve(dir).resolve("energy_uj.tmp");
            Files.writeString(tmp, energyUj + "\n");
            Files.move(tmp, root.resolve(dir).resolve("energy_uj"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

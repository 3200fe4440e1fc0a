package org.llmenergy.hardware;

import java.util.List;
import java.util.Optional;

/**
 * Server CPUs with their TDP and core/thread counts, for the CPU-time energy estimate. The paper's nodes
 * used AMD EPYC 7763 and 7513 (Fernandez et al. 2025, Table 5); the rest are common in GPU servers.
 * TDP is the vendor's default TDP per socket, not the configurable range.
 */
public final class CpuCatalog {

    private static final String MILAN = "AMD EPYC 7003 series specifications (amd.com product pages), "
            + "reprinted with cTDP ranges in techgage.com/article/amd-epyc-milan-launch-performance/";
    private static final String ICE_LAKE = "Intel ARK (3rd Gen Xeon Scalable, launched 2021-04-06), "
            + "reprinted in comptoir-hardware.com/actus/processeurs/43693";

    private static final List<CpuSpec> ALL = List.of(
            new CpuSpec("AMD EPYC 7763", 64, 128, 280, MILAN),
            new CpuSpec("AMD EPYC 7713", 64, 128, 225, MILAN),
            new CpuSpec("AMD EPYC 7543", 32, 64, 225, MILAN),
            new CpuSpec("AMD EPYC 7513", 32, 64, 200, MILAN),
            new CpuSpec("AMD EPYC 75F3", 32, 64, 280,
                    "AMD EPYC 75F3 specifications; anandtech.com/show/16529 (EPYC Milan review), F-series table"),
            new CpuSpec("AMD EPYC 7742", 64, 128, 225, "amd.com/en/products/cpu/amd-epyc-7742 (default TDP 225 W)"),
            new CpuSpec("AMD EPYC 9654", 96, 192, 360, "amd.com/en/products/cpu/amd-epyc-9654 (default TDP 360 W)"),
            new CpuSpec("Intel Xeon Platinum 8380", 40, 80, 270, ICE_LAKE),
            new CpuSpec("Intel Xeon Platinum 8368", 38, 76, 270, ICE_LAKE),
            new CpuSpec("Intel Xeon Platinum 8358", 32, 64, 250, ICE_LAKE),
            new CpuSpec("Intel Xeon Platinum 8480+", 56, 112, 350, "Intel ARK product 231746 (Xeon Platinum 8480+)"),
            new CpuSpec("Intel Xeon Gold 6248R", 24, 48, 205, "Intel ARK product 199351 (Xeon Gold 6248R)"));

    private CpuCatalog() {}

    /** @return every CPU in the catalog */
    public static List<CpuSpec> all() { return ALL; }

    /**
     * @param cpuinfoModelName the "model name" line of {@code /proc/cpuinfo}, for example
     *                         {@code "AMD EPYC 7763 64-Core Processor"}
     * @return the catalog entry it names, or empty when the model is not in the catalog (or the name is
     * generic, as "AMD EPYC" inside many virtual machines is)
     */
    public static Optional<CpuSpec> find(String cpuinfoModelName) {
        return ALL.stream().filter(s -> s.matches(cpuinfoModelName)).findFirst();
    }

    /**
     * The fallback power of one busy hardware thread for a CPU not in the catalog: the median of TDP/threads
     * over the catalog, so it moves with the catalog and is reproducible from it.
     *
     * @return watts per fully busy hardware thread
     */
    public static double genericWattsPerThread() {
        double[] w = ALL.stream().mapToDouble(CpuSpec::wattsPerThread).sorted().toArray();
        int n = w.length;
        return n % 2 == 1 ? w[n / 2] : (w[n / 2 - 1] + w[n / 2]) / 2;
    }

    /** @return a sentence saying how {@link #genericWattsPerThread()} was obtained */
    public static String genericExplanation() {
        return String.format(java.util.Locale.ROOT,
                "generic %.3f W per busy hardware thread: the median TDP/threads of the %d server CPUs in CpuCatalog",
                genericWattsPerThread(), ALL.size());
    }
}

package org.llmenergy.hardware;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One CPU model's power-relevant specification.
 *
 * @param name    the model as the vendor writes it, for example {@code "AMD EPYC 7763"}
 * @param cores   physical cores per socket
 * @param threads hardware threads per socket
 * @param tdpW    default thermal design power per socket, in watts
 * @param source  where the numbers come from (a vendor page or a review that reprints the vendor's table)
 */
public record CpuSpec(String name, int cores, int threads, double tdpW, String source) {

    public CpuSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (cores <= 0 || threads < cores) {
            throw new IllegalArgumentException("CPU spec '" + name + "': cores " + cores + " and threads " + threads
                    + " must satisfy 0 < cores <= threads");
        }
        if (!(tdpW > 0)) throw new IllegalArgumentException("CPU spec '" + name + "': TDP must be > 0 W, was " + tdpW);
    }

    /** @return TDP divided by hardware threads: the power of one fully busy thread if TDP were spread evenly, in W */
    public double wattsPerThread() { return tdpW / threads; }

    /**
     * Whether {@code /proc/cpuinfo}'s "model name" names this CPU. Trademarks, "CPU", "Processor", the
     * "N-Core" suffix and the clock after "@" are ignored, and the model number must end at a word boundary,
     * so "Intel(R) Xeon(R) Platinum 8380 CPU @ 2.30GHz" matches "Intel Xeon Platinum 8380" but "…8380H…" does not.
     */
    public boolean matches(String cpuinfoModelName) {
        if (cpuinfoModelName == null) return false;
        String haystack = normalise(cpuinfoModelName);
        return Pattern.compile("(^| )" + Pattern.quote(normalise(name)) + "($| )").matcher(haystack).find();
    }

    static String normalise(String modelName) {
        String s = modelName.toLowerCase(Locale.ROOT)
                .replace("(r)", " ").replace("(tm)", " ")
                .replaceAll("@.*$", " ")
                .replaceAll("\\b\\d+-core\\b", " ")
                .replaceAll("\\b(cpu|processor)\\b", " ");
        return s.trim().replaceAll("\\s+", " ");
    }
}

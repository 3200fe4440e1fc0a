package org.llmenergy.energy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.llmenergy.units.Energy;
import org.llmenergy.units.Provenance.Source;

/**
 * CPU package and DRAM energy through Linux powercap sysfs ({@code /sys/class/powercap/intel-rapl:*}, also
 * used by AMD since Linux 5.8). Every socket's package zone and DRAM sub-zone is a channel; core and uncore
 * sub-zones are inside the package figure and are not counted again; psys (the whole platform) is reported
 * but kept out of the total because it contains the packages; the {@code intel-rapl-mmio} zones repeat the
 * package domain through another interface and are ignored.
 */
final class RaplBackend implements MeterBackend {
    private static final Pattern ZONE = Pattern.compile("intel-rapl:(\\d+)(?::(\\d+))?");
    /** Bounds a counter jump; no CPU socket or DRAM domain draws this much. */
    private static final double MAX_PLAUSIBLE_W = 2000;

    /** Reads a sysfs file; a seam for tests, which run as root and so cannot make a file unreadable. */
    interface SysfsReader {
        String read(Path file) throws IOException;
    }

    private record Zone(String dir, int socket, Integer sub, String name, Path energy, long maxRange) {}

    private final Path root;
    private final SysfsReader reader;
    private final List<Zone> zones;
    private final List<Channel> channels;
    private final Map<String, String> details;

    private RaplBackend(Path root, SysfsReader reader, List<Zone> zones, List<Channel> channels,
                        Map<String, String> details) {
        this.root = root;
        this.reader = reader;
        this.zones = zones;
        this.channels = channels;
        this.details = details;
    }

    static RaplBackend open(Path root) { return open(root, p -> Files.readString(p)); }

    /**
     * Finds the RAPL zones under {@code root} and reads each once.
     *
     * @throws MeterUnavailableException when there is no powercap, no package zone, or a counter is unreadable
     */
    static RaplBackend open(Path root, SysfsReader reader) {
        if (!Files.isDirectory(root)) {
            throw new MeterUnavailableException(MeterKind.RAPL, root + " does not exist: no powercap interface "
                    + "(RAPL is absent in most VMs and containers, and on non-x86 CPUs)");
        }
        Map<String, Path> dirs = new TreeMap<>();
        collect(root, dirs);
        List<String> ignored = new ArrayList<>();
        List<Zone> all = new ArrayList<>();
        for (Map.Entry<String, Path> e : dirs.entrySet()) {
            Matcher m = ZONE.matcher(e.getKey());
            if (!m.matches()) continue;
            Path dir = e.getValue();
            String name = readText(reader, dir.resolve("name")).trim();
            Path energy = dir.resolve("energy_uj");
            if (!Files.exists(energy)) {
                ignored.add(e.getKey() + " (" + name + ", no energy_uj)");
                continue;
            }
            long max = Files.exists(dir.resolve("max_energy_range_uj"))
                    ? parse(readText(reader, dir.resolve("max_energy_range_uj")), dir.resolve("max_energy_range_uj")) : -1;
            Integer sub = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            all.add(new Zone(e.getKey(), Integer.parseInt(m.group(1)), sub, name, energy, max));
        }
        List<Zone> used = new ArrayList<>();
        for (Zone z : all) {
            String kind = domainOf(z.name);
            boolean keep = z.sub == null ? kind.equals("package") || kind.equals("dram") || kind.equals("psys")
                    : kind.equals("dram");
            if (keep) used.add(z);
            else ignored.add(z.dir + " (" + z.name + ", contained in its package)");
        }
        if (used.stream().noneMatch(z -> domainOf(z.name).equals("package"))) {
            throw new MeterUnavailableException(MeterKind.RAPL, "no RAPL package zone under " + root
                    + (all.isEmpty() ? " (no intel-rapl:* zone)" : "; zones: " + all.stream().map(Zone::name).toList()));
        }
        used.sort(Comparator.comparing((Zone z) -> z.socket).thenComparing(z -> z.sub == null ? -1 : z.sub));
        for (Zone z : used) {
            try {
                parse(reader.read(z.energy), z.energy);
            } catch (AccessDeniedException e) {
                throw new MeterUnavailableException(MeterKind.RAPL, "permission denied reading " + z.energy
                        + ": energy_uj is readable only by root since Linux 5.10 (CVE-2020-8694); run as root or "
                        + "grant read access (for example with a udev rule)", e);
            } catch (IOException e) {
                throw new MeterUnavailableException(MeterKind.RAPL, "cannot read " + z.energy + ": " + e, e);
            } catch (IllegalStateException e) {
                throw new MeterUnavailableException(MeterKind.RAPL, e.getMessage(), e);
            }
        }
        List<Channel> channels = channelsFor(used, all);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("powercapRoot", root.toString());
        details.put("zones", String.join(", ", used.stream().map(z -> z.dir + "=" + z.name).toList()));
        if (!ignored.isEmpty()) details.put("notCounted", String.join("; ", ignored));
        return new RaplBackend(root, reader, List.copyOf(used), channels, details);
    }

    /** Zone folders directly under the root and, for trees without the flat links, nested in their parents. */
    private static void collect(Path dir, Map<String, Path> out) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!ZONE.matcher(name).matches() || !Files.isDirectory(p)) continue;
                out.putIfAbsent(name, p);
                collect(p, out);
            }
        } catch (IOException e) {
            throw new MeterUnavailableException(MeterKind.RAPL, "cannot list " + dir + ": " + e, e);
        }
    }

    private static List<Channel> channelsFor(List<Zone> used, List<Zone> all) {
        List<String> ids = new ArrayList<>();
        for (Zone z : used) {
            if (z.sub == null) {
                ids.add(z.name);
            } else {
                // A DRAM sub-zone is named after its socket's package: package-1's DRAM is dram-1.
                String parent = all.stream().filter(p -> p.sub == null && p.socket == z.socket).map(Zone::name)
                        .findFirst().orElse("package-" + z.socket);
                ids.add("dram-" + parent.replaceFirst("^package-", ""));
            }
        }
        Map<String, Integer> count = new HashMap<>();
        for (String id : ids) count.merge(id, 1, Integer::sum);
        List<Channel> out = new ArrayList<>();
        for (int i = 0; i < used.size(); i++) {
            Zone z = used.get(i);
            String id = count.get(ids.get(i)) > 1 ? ids.get(i) + "@" + z.dir : ids.get(i); // dual-die parts repeat names
            String domain = domainOf(z.name);
            Map<String, String> d = new LinkedHashMap<>();
            d.put("zone", z.dir);
            d.put("energyFile", z.energy.toString());
            d.put("maxEnergyRangeUj", Long.toString(z.maxRange));
            out.add(new Channel(id, domain, "RAPL " + z.name + " (" + z.dir + ")", !domain.equals("psys"),
                    Source.RAPL, Energy.fromMicrojoules(1), z.maxRange > 0 ? z.maxRange : -1, MAX_PLAUSIBLE_W,
                    null, null,
                    "RAPL exposes only an energy counter; power is derived from counter differences", null,
                    Double.NaN, false, d));
        }
        return out;
    }

    private static String domainOf(String zoneName) {
        if (zoneName.startsWith("package")) return "package";
        if (zoneName.startsWith("dram")) return "dram";
        if (zoneName.startsWith("psys")) return "psys";
        return zoneName;
    }

    private static String readText(SysfsReader reader, Path file) {
        try {
            return reader.read(file);
        } catch (AccessDeniedException e) {
            throw new MeterUnavailableException(MeterKind.RAPL, "permission denied reading " + file, e);
        } catch (NoSuchFileException e) {
            throw new MeterUnavailableException(MeterKind.RAPL, file + " is missing", e);
        } catch (IOException e) {
            throw new MeterUnavailableException(MeterKind.RAPL, "cannot read " + file + ": " + e, e);
        }
    }

    private static long parse(String text, Path file) {
        String t = text.trim();
        try {
            long v = Long.parseLong(t);
            if (v < 0) throw new NumberFormatException("negative");
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + ": expected a non-negative integer (µJ), found '" + t + "'");
        }
    }

    @Override public MeterKind kind() { return MeterKind.RAPL; }

    @Override public String driver() { return "powercap sysfs " + root; }

    @Override public List<Channel> channels() { return channels; }

    @Override public Map<String, String> details() { return details; }

    @Override public List<String> caveats() { return List.of(); }

    @Override
    public void read(ChannelReadings into) {
        for (int c = 0; c < zones.size(); c++) {
            Zone z = zones.get(c);
            try {
                into.counter(c, parse(reader.read(z.energy), z.energy));
            } catch (AccessDeniedException e) {
                into.failed(c, "permission denied reading " + z.energy);
            } catch (IOException | IllegalStateException e) {
                into.failed(c, "cannot read " + z.energy + ": " + e.getMessage());
            }
        }
    }

    @Override public void close() {}
}

package org.llmenergy.energy;

/** Whose CPU time the CPU-time estimate counts. */
public enum CpuScope {
    /** This JVM's own CPU time (all its threads, including native inference threads). */
    PROCESS("process"),
    /**
     * The processes this JVM started and their descendants: live ones read from {@code /proc/<pid>/stat},
     * finished ones through this JVM's {@code cutime}/{@code cstime}. Orphans re-parented to init are lost.
     */
    CHILDREN("children"),
    /** The whole machine: busy time of every CPU in {@code /proc/stat}. */
    MACHINE("machine");

    private final String label;

    CpuScope(String label) { this.label = label; }

    /** @return the label used in provenance, for example {@code "children"} */
    public String label() { return label; }
}

package org.llmenergy.cli;

import picocli.CommandLine;

/** Reports the toolkit's version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"llm-energy " + (v == null ? "development" : v)};
    }
}

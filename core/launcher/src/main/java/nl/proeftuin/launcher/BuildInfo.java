package nl.proeftuin.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts fixed at build time: the platform version and the version of the SLF4J packages that the launcher's class
 * path exports to the bundles.
 *
 * @param version the Proeftuin version
 * @param slf4jVersion the version of slf4j-api on the class path
 */
record BuildInfo(String version, String slf4jVersion) {

    private static final String RESOURCE = "proeftuin-build.properties";

    static BuildInfo read() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the launcher jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(properties.getProperty("version"), properties.getProperty("slf4j.version"));
    }

    /**
     * SLF4J lives on the framework class path (one logging back end for all); bundles import it from there. It is
     * exported at 1.7.36 as well, because libraries such as HikariCP import {@code [1.6,2)} and the 2.x API is
     * compatible with 1.7 for code that logs.
     */
    String systemPackagesExtra() {
        StringBuilder packages = new StringBuilder();
        for (String version : new String[] {slf4jVersion, "1.7.36"}) {
            for (String name : new String[] {"org.slf4j", "org.slf4j.event", "org.slf4j.helpers", "org.slf4j.spi"}) {
                packages.append(packages.length() == 0 ? "" : ",").append(name).append(";version=").append(version);
            }
        }
        return packages.toString();
    }
}

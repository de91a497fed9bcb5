package nl.proeftuin.distribution.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A pilot bundle made at run time around {@link XssPilot}: a manifest, the compiled class (copied from the test class
 * path), {@code /fixture.properties} (region and mode) and the pilot's own page {@code /web/index.html}.
 */
final class XssPilotJar {

    private static final String IMPORTS = "nl.proeftuin.api.model;version=\"[1.0,2)\","
            + "nl.proeftuin.api.pilot;version=\"[1.0,2)\",nl.proeftuin.api.screen;version=\"[1.0,2)\","
            + "org.osgi.framework;version=\"[1.8,2)\"";
    private static final String CLASS_ENTRY = XssPilot.class.getName().replace('.', '/') + ".class";
    /** The pilot's own page: harmless itself; its title in the dashboard is what carries the payload. */
    private static final String PAGE = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Eigen pagina</title>"
            + "</head><body><main><h1>Eigen pagina</h1><p>Een pagina van de pilot zelf.</p></main></body></html>\n";

    private XssPilotJar() {
    }

    /**
     * Writes the JAR.
     *
     * @param target where
     * @param region the region id (also {@code Proeftuin-Region})
     * @param mode {@code valid} or {@code invalid} (see {@link XssPilot})
     */
    static Path write(Path target, String region, String mode) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "test.pilot." + region);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Name", XssPilot.PAYLOAD);
        main.putValue("Proeftuin-Region", region);
        main.putValue("Import-Package", IMPORTS);
        main.putValue("Bundle-Activator", XssPilot.class.getName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
            manifest.write(manifestBytes);
            entry(jar, JarFile.MANIFEST_NAME, manifestBytes.toByteArray());
            entry(jar, CLASS_ENTRY, classBytes());
            entry(jar, "fixture.properties", ("region=" + region + "\nmode=" + mode + "\n").getBytes(StandardCharsets.ISO_8859_1));
            entry(jar, "web/index.html", PAGE.getBytes(StandardCharsets.UTF_8));
        }
        return Files.write(target, bytes.toByteArray());
    }

    private static void entry(JarOutputStream jar, String name, byte[] content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTime(0);
        jar.putNextEntry(entry);
        jar.write(content);
        jar.closeEntry();
    }

    private static byte[] classBytes() throws IOException {
        try (InputStream in = XssPilot.class.getClassLoader().getResourceAsStream(CLASS_ENTRY)) {
            if (in == null) {
                throw new IOException(CLASS_ENTRY + " is not on the test class path");
            }
            return in.readAllBytes();
        }
    }
}

package nl.proeftuin.distribution.fault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import nl.proeftuin.distribution.fixture.FixturePilot;

/**
 * A pilot bundle made at test time: a manifest, the compiled {@link FixturePilot} and a {@code /fixture.properties}
 * that names its region. The same arguments give the same bytes. Region {@code <region>}, named
 * {@code Regio <region> <version>} so that the versions can be told apart in {@code /api/v1/regions}; its KPI is
 * {@code <region>-kpi}.
 *
 * @param region the region id (and {@code Proeftuin-Region})
 * @param version the Bundle-Version
 */
record PilotJars(String region, String version) {

    private static final String IMPORTS = "nl.proeftuin.api.model;version=\"[1.0,2)\","
            + "nl.proeftuin.api.pilot;version=\"[1.0,2)\",org.osgi.framework;version=\"[1.8,2)\"";
    private static final String CLASS_ENTRY = FixturePilot.class.getName().replace('.', '/') + ".class";

    String symbolicName() {
        return "test.fault." + region;
    }

    String name() {
        return "Regio " + region + " " + version;
    }

    String kpi() {
        return region + "-kpi";
    }

    byte[] bytes() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName());
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Name", name());
        main.putValue("Proeftuin-Region", region);
        main.putValue("Import-Package", IMPORTS);
        main.putValue("Bundle-Activator", FixturePilot.class.getName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
            manifest.write(manifestBytes);
            entry(jar, JarFile.MANIFEST_NAME, manifestBytes.toByteArray());
            try (InputStream in = FixturePilot.class.getClassLoader().getResourceAsStream(CLASS_ENTRY)) {
                if (in == null) {
                    throw new IllegalStateException(CLASS_ENTRY + " is not on the test class path");
                }
                entry(jar, CLASS_ENTRY, in.readAllBytes());
            }
            entry(jar, "fixture.properties", ("region=" + region + "\nname=" + name() + "\n").getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes the JAR under a hidden name next to {@code target}, then renames it into place in one step. */
    void writeAtomically(Path target) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(temp, bytes());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void entry(JarOutputStream jar, String name, byte[] content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTime(0); // the same bytes for the same pilot, whenever it is made
        jar.putNextEntry(entry);
        jar.write(content);
        jar.closeEntry();
    }
}

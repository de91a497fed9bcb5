package nl.proeftuin.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * A pilot bundle made at run time: a manifest, the compiled {@link FixturePilot} (copied from the test class path)
 * and a {@code /fixture.properties} that names the region. Every JAR made from the same arguments has the same bytes.
 *
 * @param symbolicName the Bundle-SymbolicName
 * @param version the Bundle-Version
 * @param region the region id (also the Proeftuin-Region header); the KPI is {@code <region>-kpi}
 * @param name the region's name, e.g. to tell versions apart in /api/v1/regions
 */
record PilotJar(String symbolicName, String version, String region, String name) {

    static final String IMPORTS = "nl.proeftuin.api.model;version=\"[1.0,2)\","
            + "nl.proeftuin.api.pilot;version=\"[1.0,2)\",org.osgi.framework;version=\"[1.8,2)\"";
    private static final String CLASS_ENTRY = FixturePilot.class.getName().replace('.', '/') + ".class";

    static PilotJar of(String region, String version) {
        return new PilotJar("test.pilot." + region, version, region, "Regio " + region + " " + version);
    }

    String kpi() {
        return region + "-kpi";
    }

    byte[] bytes() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Name", name);
        main.putValue("Proeftuin-Region", region);
        main.putValue("Import-Package", IMPORTS);
        main.putValue("Bundle-Activator", FixturePilot.class.getName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
            manifest.write(manifestBytes);
            entry(jar, JarFile.MANIFEST_NAME, manifestBytes.toByteArray());
            entry(jar, CLASS_ENTRY, classBytes());
            entry(jar, "fixture.properties", ("region=" + region + "\nname=" + name + "\n").getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes the JAR next to {@code target} under a hidden name, then renames it into place in one step. */
    Path writeAtomically(Path target) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(temp, bytes());
        return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void entry(JarOutputStream jar, String name, byte[] content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTime(0); // the same bytes for the same pilot, whenever it is made
        jar.putNextEntry(entry);
        jar.write(content);
        jar.closeEntry();
    }

    private static byte[] classBytes() {
        try (InputStream in = FixturePilot.class.getClassLoader().getResourceAsStream(CLASS_ENTRY)) {
            if (in == null) {
                throw new IllegalStateException(CLASS_ENTRY + " is not on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

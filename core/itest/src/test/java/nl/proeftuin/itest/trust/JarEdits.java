package nl.proeftuin.itest.trust;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Changes a JAR the way an attacker would: replace or add entries after signing, add a huge entry that compresses to
 * almost nothing, thousands of entries, or names that climb out of their folder.
 */
final class JarEdits {

    private JarEdits() {
    }

    /** Every entry, in order, the manifest included. */
    static Map<String, byte[]> entries(byte[] jar) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** A JAR of these entries, in order. */
    static byte[] jar(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The JAR with one entry added or replaced; everything else byte for byte as it was. */
    static byte[] with(byte[] jar, String name, byte[] content) {
        Map<String, byte[]> entries = entries(jar);
        entries.put(name, content);
        return jar(entries);
    }

    /** The JAR with an entry of {@code megabytes} zero bytes: a few kilobytes per megabyte once compressed. */
    static byte[] withZeros(byte[] jar, String name, int megabytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> entry : entries(jar).entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(name));
            byte[] megabyte = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                out.write(megabyte);
            }
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The JAR with {@code count} more (empty) entries. */
    static byte[] withEntries(byte[] jar, int count) {
        Map<String, byte[]> entries = entries(jar);
        for (int i = 0; i < count; i++) {
            entries.put(String.format("filler/%05d.txt", i), new byte[0]);
        }
        return jar(entries);
    }

    /**
     * Text of 16 letters: it compresses only about 2:1, so it is no zip bomb, just large.
     *
     * @param bytes how much
     * @return the text
     */
    static byte[] plainText(int bytes) {
        byte[] text = new byte[bytes];
        Random random = new Random(42);
        for (int i = 0; i < bytes; i++) {
            text[i] = (byte) ('a' + random.nextInt(16));
        }
        return text;
    }
}

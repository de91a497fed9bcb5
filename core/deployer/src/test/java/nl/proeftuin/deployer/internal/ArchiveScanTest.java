package nl.proeftuin.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits on what a JAR holds, counted by unpacking it. */
class ArchiveScanTest {

    @TempDir
    Path folder;

    private final TestConfig config = new TestConfig();

    @Test
    void anOrdinaryBundleIsWithinTheLimits() throws IOException {
        assertThat(scan(TestJars.zip(TestJars.bundle("nl.example.pilot", "zeeland")))).isEmpty();
    }

    @Test
    void moreEntriesThanAllowedIsRefusedWithTheCountAndTheSetting() throws IOException {
        config.maxEntries = 5;
        Map<String, byte[]> entries = TestJars.bundle("nl.example.many", "zeeland");
        for (int i = 0; i < 3; i++) {
            entries.put("filler/" + i + ".txt", new byte[0]);
        }

        assertThat(scan(TestJars.zip(entries))).singleElement().asString()
                .contains("has 6 entries").contains("at most 5").contains("maxEntries");
    }

    @Test
    void aHugeHighlyCompressedEntryIsAZipBomb() throws IOException {
        byte[] bomb = TestJars.withZeros(TestJars.bundle("nl.example.bomb", "zeeland"), "data/zeros.bin", 64);
        assertThat(bomb.length).as("a small file").isLessThan(200 * 1024);

        assertThat(verdict(bomb).damaged()).as("a whole file, refused for good").isFalse();
        assertThat(scan(bomb)).singleElement().asString()
                .contains("Entry \"data/zeros.bin\"").contains("zip bomb").contains("100:1").contains("maxCompressionRatio");
    }

    @Test
    void aSmallEntryOfRepeatedBytesIsNoBomb() throws IOException {
        // 512 KB of zeros compresses about 1000:1, but stays below the 1 MB from which the ratio counts
        Map<String, byte[]> entries = TestJars.bundle("nl.example.zeros", "zeeland");
        entries.put("data/zeros.bin", new byte[512 * 1024]);

        assertThat(scan(TestJars.zip(entries))).isEmpty();
    }

    @Test
    void unpackingToMoreThanTheTotalIsRefusedCountedByUnpacking() throws IOException {
        config.maxMegabytes = 1;
        Map<String, byte[]> entries = TestJars.bundle("nl.example.big", "zeeland");
        // 16 different letters: compresses about 2:1, so the file stays below 1 MB while its content does not
        byte[] noise = new byte[600 * 1024];
        Random random = new Random(7);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) ('a' + random.nextInt(16));
        }
        entries.put("data/noise-1.bin", noise);
        entries.put("data/noise-2.bin", noise);

        assertThat(scan(TestJars.zip(entries))).singleElement().asString()
                .contains("unpacks to more than 1 MB").contains("data/noise-2.bin").contains("maxUncompressedMegabytes");
    }

    @Test
    void aFileLargerThanTheTotalIsRefusedUnopened() throws IOException {
        config.maxMegabytes = 1;
        Path file = folder.resolve("large.jar");
        Files.write(file, new byte[2 * 1024 * 1024]);

        assertThat(ArchiveScan.check(file, Files.size(file), ArchiveLimits.of(config)).problems()).singleElement().asString()
                .contains("The file is 2 MB").contains("at most 1 MB");
    }

    @Test
    void entryNamesThatLeaveTheFolderAreRefusedAsZipSlip() throws IOException {
        Map<String, byte[]> entries = TestJars.bundle("nl.example.slip", "zeeland");
        entries.put("../../evil.sh", "rm -rf /".getBytes(StandardCharsets.UTF_8));
        entries.put("/etc/cron.d/evil", new byte[1]);
        entries.put("C:/evil.dll", new byte[1]);
        entries.put("nl\\evil.class", new byte[1]);
        entries.put("nl/evil\0.class", new byte[1]);

        String problem = scan(TestJars.zip(entries)).get(0);

        assertThat(problem).contains("zip slip").contains("entry \"../../evil.sh\" (a \"..\" segment)")
                .contains("entry \"/etc/cron.d/evil\" (an absolute path)").contains("entry \"C:/evil.dll\" (a drive letter)")
                .contains("and 2 more");
    }

    @Test
    void anEntryNamedTwiceIsRefused() throws IOException {
        Map<String, byte[]> entries = TestJars.bundle("nl.example.twice", "zeeland");
        entries.put("nl/example/Aaaa.class", new byte[] {1});
        entries.put("nl/example/Bbbb.class", new byte[] {2});
        byte[] jar = replace(TestJars.zip(entries), "nl/example/Bbbb.class", "nl/example/Aaaa.class");

        assertThat(scan(jar)).singleElement().asString().contains("more than once").contains("\"nl/example/Aaaa.class\"");
    }

    @Test
    void entriesThatShareTheirCompressedDataAreRefusedAsOverlapping() throws IOException {
        // two central directory records pointing at one compressed stream, as in non-recursive zip bombs
        Map<String, byte[]> entries = TestJars.bundle("nl.example.overlap", "zeeland");
        entries.put("b.bin", new byte[] {1});
        byte[] jar = TestJars.withZeros(entries, "a.bin", 4);
        pointCentralRecordAt(jar, "b.bin", "a.bin");

        assertThat(scan(jar)).singleElement().asString().contains("entries overlap");
    }

    @Test
    void aManifestOfMegabytesIsRefusedBeforeAnythingReadsItWhole() throws IOException {
        // within the ratio (text of 16 letters compresses about 2:1) but far beyond any real manifest
        StringBuilder manifest = new StringBuilder("Manifest-Version: 1.0\r\nBundle-SymbolicName: nl.example.fat\r\n");
        Random random = new Random(11);
        while (manifest.length() < 5 * 1024 * 1024) {
            manifest.append("X-Padding-").append(manifest.length()).append(": ");
            for (int i = 0; i < 50; i++) {
                manifest.append((char) ('a' + random.nextInt(16)));
            }
            manifest.append("\r\n");
        }
        Map<String, byte[]> entries = TestJars.bundle("nl.example.fat", "zeeland");
        entries.put("META-INF/MANIFEST.MF", manifest.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));

        assertThat(scan(TestJars.zip(entries))).singleElement().asString()
                .contains("The manifest META-INF/MANIFEST.MF unpacks to more than 4 MB");
    }

    @Test
    void aTruncatedJarIsDamagedOrIncomplete() throws IOException {
        byte[] jar = TestJars.zip(TestJars.bundle("nl.example.cut", "zeeland"));
        byte[] cut = java.util.Arrays.copyOf(jar, jar.length * 3 / 5);

        assertThat(scan(cut)).singleElement().asString().contains("damaged or incomplete");
        assertThat(verdict(cut).damaged()).as("a copy may still be in progress").isTrue();
    }

    private List<String> scan(byte[] jar) throws IOException {
        return verdict(jar).problems();
    }

    private ArchiveScan.Verdict verdict(byte[] jar) throws IOException {
        Path file = Files.createTempFile(folder, "scan-", ".jar");
        Files.write(file, jar);
        return ArchiveScan.check(file, jar.length, ArchiveLimits.of(config));
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + a.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + a.length, a, 0, a.length)) {
                System.arraycopy(b, 0, bytes, i, b.length);
            }
        }
        return bytes;
    }

    /** Copies flags, method, CRC, sizes and local header offset of one central record into another. */
    private static void pointCentralRecordAt(byte[] jar, String name, String target) {
        int from = centralRecord(jar, target);
        int to = centralRecord(jar, name);
        System.arraycopy(jar, from + 8, jar, to + 8, 4);
        System.arraycopy(jar, from + 16, jar, to + 16, 12);
        System.arraycopy(jar, from + 42, jar, to + 42, 4);
    }

    private static int centralRecord(byte[] jar, String name) {
        ByteBuffer buffer = ByteBuffer.wrap(jar).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 <= jar.length; i++) {
            if (buffer.getInt(i) == 0x02014b50 && (buffer.getShort(i + 28) & 0xffff) == wanted.length
                    && java.util.Arrays.equals(jar, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        throw new AssertionError("no central directory record for " + name);
    }
}

package nl.proeftuin.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a JAR against the {@link ArchiveLimits} before anything else opens it: the number of entries, safe entry
 * names, and how much it unpacks to, counted by unpacking every entry through a bounded read (the sizes a ZIP claims
 * in its headers are never trusted). Reading stops as soon as a limit is passed, so a zip bomb costs at most the
 * limit in time and nothing in memory or on disk.
 *
 * <p>The central directory is what the framework and the signature check read, so it is what is checked here.
 */
final class ArchiveScan {

    /** Problems of one kind beyond this many are counted, not listed. */
    private static final int LISTED = 3;
    /** A bundle's manifest is a few kilobytes; the JDK reads it into memory whole, so it is bounded on its own. */
    static final long MAX_MANIFEST_BYTES = 4 * ArchiveLimits.MEGABYTE;
    private static final String MANIFEST = "META-INF/MANIFEST.MF";
    private static final String SETTINGS = " in conf/nl.proeftuin.deployer.cfg";

    private ArchiveScan() {
    }

    /**
     * The outcome of a scan.
     *
     * @param problems why the JAR is refused, each a sentence; empty when it is within the limits
     * @param damaged true when it could not be read as a ZIP: maybe a copy still in progress, worth a second look;
     *     false when the JAR is whole and simply not acceptable
     */
    record Verdict(List<String> problems, boolean damaged) {

        static final Verdict WITHIN_LIMITS = new Verdict(List.of(), false);

        static Verdict refused(String problem) {
            return new Verdict(List.of(problem), false);
        }

        static Verdict damaged(String problem) {
            return new Verdict(List.of(problem), true);
        }
    }

    /**
     * Checks a JAR.
     *
     * @param file the JAR, a private copy nobody else writes
     * @param fileSize its size in bytes
     * @param limits the limits
     * @return the problems, and whether the file may only be incomplete
     */
    static Verdict check(Path file, long fileSize, ArchiveLimits limits) {
        if (fileSize > limits.maxTotalBytes()) {
            return Verdict.refused("The file is " + megabytes(fileSize) + "; a JAR may hold at most " + megabytes(limits.maxTotalBytes())
                    + " (setting maxUncompressedMegabytes" + SETTINGS + ").");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                return Verdict.refused(String.format(Locale.ROOT, "The JAR has %,d entries; at most %,d are allowed (setting maxEntries%s).",
                        zip.size(), limits.maxEntries(), SETTINGS));
            }
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            List<String> problems = checkNames(entries);
            if (!problems.isEmpty()) {
                return new Verdict(problems, false);
            }
            long claimed = 0;
            for (ZipEntry entry : entries) {
                claimed += Math.max(0, entry.getCompressedSize());
            }
            if (claimed > fileSize) {
                return Verdict.refused(String.format(Locale.ROOT, "The entries' compressed data adds up to %,d bytes, more than the "
                        + "file's %,d bytes: entries overlap, as in a zip bomb, or the JAR is damaged.", claimed, fileSize));
            }
            return unpack(zip, entries, limits);
        } catch (ZipException e) {
            return Verdict.damaged("The JAR is damaged or incomplete (" + e.getMessage() + "); copy it again.");
        } catch (IOException e) {
            return Verdict.damaged("The JAR cannot be read (" + e.getMessage() + ").");
        }
    }

    private static List<String> checkNames(List<? extends ZipEntry> entries) {
        List<String> unsafe = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int unsafeCount = 0;
        int duplicateCount = 0;
        for (ZipEntry entry : entries) {
            String name = entry.getName();
            String why = EntryNames.unsafe(name);
            if (why != null && unsafeCount++ < LISTED) {
                unsafe.add("entry \"" + EntryNames.shown(name) + "\" (" + why + ")");
            }
            if (!seen.add(name) && duplicateCount++ < LISTED) {
                duplicates.add("\"" + EntryNames.shown(name) + "\"");
            }
        }
        List<String> problems = new ArrayList<>();
        if (unsafeCount > 0) {
            problems.add("The JAR has entry names that point outside its folder, as used in \"zip slip\" attacks: "
                    + String.join(", ", unsafe) + more(unsafeCount) + ". Entry names must be relative paths with "
                    + "forward slashes and no \"..\".");
        }
        if (duplicateCount > 0) {
            problems.add("The JAR has entries that appear more than once: " + String.join(", ", duplicates)
                    + more(duplicateCount) + "; tools disagree on which one counts, so a JAR must name each entry once.");
        }
        return problems;
    }

    private static String more(int count) {
        return count > LISTED ? " and " + (count - LISTED) + " more" : "";
    }

    private static Verdict unpack(ZipFile zip, List<? extends ZipEntry> entries, ArchiveLimits limits) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (ZipEntry entry : entries) {
            long compressed = Math.max(1, entry.getCompressedSize());
            long entryLimit = Math.max(limits.ratioFromBytes(), multiplySaturated(compressed, limits.maxRatio()));
            long unpacked = 0;
            boolean manifest = entry.getName().equalsIgnoreCase(MANIFEST);
            try (InputStream in = zip.getInputStream(entry)) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    unpacked += n;
                    total += n;
                    if (manifest && unpacked > MAX_MANIFEST_BYTES) {
                        return Verdict.refused("The manifest " + MANIFEST + " unpacks to more than " + megabytes(MAX_MANIFEST_BYTES)
                                + " (counted by unpacking); a bundle's manifest is a few kilobytes.");
                    }
                    if (unpacked > entryLimit) {
                        return Verdict.refused("Entry \"" + EntryNames.shown(entry.getName()) + "\" unpacks to more than "
                                + limits.maxRatio() + " times its compressed size (" + size(compressed) + " compressed, more than "
                                + size(entryLimit) + " unpacked, counted by unpacking): a zip bomb. Entries above "
                                + size(limits.ratioFromBytes()) + " may unpack to at most " + limits.maxRatio()
                                + ":1 (settings maxCompressionRatio and compressionRatioAboveKilobytes" + SETTINGS + ").");
                    }
                    if (total > limits.maxTotalBytes()) {
                        return Verdict.refused("The JAR unpacks to more than " + megabytes(limits.maxTotalBytes())
                                + " (counted by unpacking, up to entry \"" + EntryNames.shown(entry.getName())
                                + "\"); at most " + megabytes(limits.maxTotalBytes())
                                + " is allowed (setting maxUncompressedMegabytes" + SETTINGS + ").");
                    }
                }
            } catch (ZipException e) {
                return Verdict.damaged("The JAR is damaged: entry \"" + EntryNames.shown(entry.getName()) + "\" cannot be unpacked ("
                        + e.getMessage() + "); copy it again.");
            }
        }
        return Verdict.WITHIN_LIMITS;
    }

    private static long multiplySaturated(long a, long b) {
        long product = a * b;
        return a != 0 && product / a != b ? Long.MAX_VALUE : product;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / (double) ArchiveLimits.MEGABYTE).replace(".0 MB", " MB");
    }

    private static String size(long bytes) {
        return bytes >= ArchiveLimits.MEGABYTE ? megabytes(bytes)
                : String.format(Locale.ROOT, "%,d KB", Math.max(1, (bytes + 1023) / 1024));
    }
}

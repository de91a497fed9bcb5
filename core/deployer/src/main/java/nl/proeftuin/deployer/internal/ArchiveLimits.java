package nl.proeftuin.deployer.internal;

/**
 * How much a JAR may hold, checked before anything is installed from it.
 *
 * @param maxEntries the most entries
 * @param maxTotalBytes the most bytes all entries together may unpack to
 * @param maxRatio how many times its compressed size one entry may unpack to, once it is larger than
 *     {@code ratioFromBytes}
 * @param ratioFromBytes the unpacked size from which an entry's ratio is checked
 */
record ArchiveLimits(int maxEntries, long maxTotalBytes, int maxRatio, long ratioFromBytes) {

    static final long MEGABYTE = 1024L * 1024;

    /**
     * The limits a configuration sets.
     *
     * @param config the deployer's settings
     * @return the limits
     */
    static ArchiveLimits of(DeployerConfig config) {
        return new ArchiveLimits(Math.max(1, config.maxEntries()), Math.max(1, config.maxUncompressedMegabytes()) * MEGABYTE,
                Math.max(1, config.maxCompressionRatio()), Math.max(0, config.compressionRatioAboveKilobytes()) * 1024);
    }
}

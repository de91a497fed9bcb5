package nl.proeftuin.deployer.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the deployer (PID {@code nl.proeftuin.deployer}, file {@code conf/nl.proeftuin.deployer.cfg}). Every
 * setting may change while the platform runs; the deployer then checks every JAR in {@code deploy/} again.
 */
@ObjectClassDefinition(name = "Proeftuin deployer")
public @interface DeployerConfig {

    /**
     * How long a file must stay unchanged before it is installed: long enough to see a copy in progress.
     *
     * @return milliseconds
     */
    @AttributeDefinition(name = "Settle time (ms)", min = "0")
    long settleMillis() default 50;

    /**
     * How long an unreadable JAR may still be growing before it is reported as invalid.
     *
     * @return milliseconds
     */
    @AttributeDefinition(name = "Grace for incomplete files (ms)", min = "0")
    long incompleteGraceMillis() default 3000;

    /**
     * How often the folder is rescanned in case the watcher missed something.
     *
     * @return seconds
     */
    @AttributeDefinition(name = "Rescan interval (s)", min = "1")
    int rescanSeconds() default 2;

    /**
     * How long one bundle operation (an activator, a refresh) may take.
     *
     * @return seconds
     */
    @AttributeDefinition(name = "Operation timeout (s)", min = "1")
    int operationTimeoutSeconds() default 30;

    /**
     * The regions whose pilot JARs must be signed by a trusted certificate: region ids (a comma-separated list is
     * accepted too), or {@code *} for every JAR, including library bundles without a region.
     *
     * @return region ids; none by default
     */
    @AttributeDefinition(name = "Require a signature for regions", required = false)
    String[] requireSignatureFor() default {};

    /**
     * The PKCS12 truststore with the certificates trusted for signing: alias {@code <region>} or
     * {@code <region>.<name>} for one region, {@code any} or {@code any.<name>} for every region. A relative path is
     * taken from the platform's home folder.
     *
     * @return the file
     */
    @AttributeDefinition(name = "Truststore (PKCS12)")
    String truststore() default "conf/truststore.p12";

    /**
     * The truststore's password (it guards the file's integrity; the certificates in it are public).
     *
     * @return the password; empty for none
     */
    @AttributeDefinition(name = "Truststore password", type = AttributeType.PASSWORD, required = false)
    String truststorePassword() default "";

    /**
     * The most entries a JAR may have.
     *
     * @return a count
     */
    @AttributeDefinition(name = "Maximum entries per JAR", min = "1")
    int maxEntries() default 10_000;

    /**
     * The most a JAR may hold once unpacked, counted by unpacking it (never from the sizes it claims).
     *
     * @return megabytes
     */
    @AttributeDefinition(name = "Maximum unpacked size (MB)", min = "1")
    long maxUncompressedMegabytes() default 256;

    /**
     * How many times larger than its compressed data an entry may unpack to, for entries above
     * {@link #compressionRatioAboveKilobytes()}; beyond it the JAR is a zip bomb.
     *
     * @return the ratio's first term (100 means 100:1)
     */
    @AttributeDefinition(name = "Maximum compression ratio per entry", min = "1")
    int maxCompressionRatio() default 100;

    /**
     * The unpacked size from which an entry's compression ratio is checked: small files of repeated bytes compress
     * very well and are harmless.
     *
     * @return kilobytes
     */
    @AttributeDefinition(name = "Check the compression ratio above (KB)", min = "0")
    long compressionRatioAboveKilobytes() default 1024;
}

package nl.proeftuin.security.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with PBKDF2-HMAC-SHA256 from the JDK, encoded as
 * {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}: 16 random salt bytes,
 * 32 bytes of key. The iteration count travels with each hash, so raising it keeps old hashes
 * valid; {@link #needsRehash} tells when one should be replaced.
 *
 * <p>Thread-safety: immutable apart from the lazily made dummy hash and a counter; may be used
 * from any thread.
 */
final class PasswordHasher {

    /** The fewest iterations accepted in the configuration (OWASP 2023 asks for 600,000). */
    static final int MINIMUM_ITERATIONS = 100_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String PREFIX = "pbkdf2-sha256";
    private static final Pattern FORMAT = Pattern.compile(
            "pbkdf2-sha256\\$([1-9][0-9]{0,9})\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)");
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;

    private final int iterations;
    private final SecureRandom random;
    private final AtomicLong derivations = new AtomicLong();
    private volatile String dummy;

    /**
     * A hasher with a configured iteration count.
     *
     * @param config the configuration
     * @param random the source of salts
     * @return the hasher
     * @throws IllegalArgumentException if the configured iterations are below {@value #MINIMUM_ITERATIONS}
     */
    static PasswordHasher of(SecurityConfig config, SecureRandom random) {
        if (config.pbkdf2Iterations() < MINIMUM_ITERATIONS) {
            throw new IllegalArgumentException(SecurityConfig.PID + ": pbkdf2Iterations="
                    + config.pbkdf2Iterations() + " is too few (expected at least " + MINIMUM_ITERATIONS + ")");
        }
        return new PasswordHasher(config.pbkdf2Iterations(), random);
    }

    /**
     * A hasher; components use {@link #of}, which enforces {@value #MINIMUM_ITERATIONS}
     * iterations; tests use fewer to run fast.
     *
     * @param iterations the iterations of new hashes, at least 1
     * @param random the source of salts
     * @throws IllegalArgumentException if {@code iterations} is below 1
     */
    PasswordHasher(int iterations, SecureRandom random) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations: " + iterations + " (expected at least 1)");
        }
        this.iterations = iterations;
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Hashes a password with a fresh salt. Slow by design.
     *
     * @param password the password
     * @return the encoded hash
     */
    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /**
     * Checks a password against a stored hash, in time that does not depend on where the hashes differ.
     *
     * @param password the password
     * @param stored an encoded hash
     * @return true if the password matches; false for a wrong password or a hash in another format
     */
    boolean verify(String password, String stored) {
        Matcher m = FORMAT.matcher(stored);
        if (!m.matches()) {
            return false;
        }
        long count = Long.parseLong(m.group(1));
        if (count > Integer.MAX_VALUE) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(m.group(2));
            byte[] expected = Base64.getDecoder().decode(m.group(3));
            return MessageDigest.isEqual(expected, derive(password, salt, (int) count, expected.length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Spends the time of one check without a stored hash, so that an unknown username takes as
     * long as a wrong password.
     *
     * @param password the password that was tried
     */
    void verifyDummy(String password) {
        String hash = dummy;
        if (hash == null) {
            // made on first use rather than at activation, which would slow every start
            hash = hash("not the password of anybody");
            dummy = hash;
        }
        verify(password, hash);
    }

    /**
     * Whether a stored hash is weaker than new ones would be.
     *
     * @param stored an encoded hash that verified
     * @return true if it has fewer iterations than configured
     */
    boolean needsRehash(String stored) {
        Matcher m = FORMAT.matcher(stored);
        return !m.matches() || Long.parseLong(m.group(1)) < iterations;
    }

    /**
     * How many slow hashes this hasher computed, to see that every password check costs one.
     *
     * @return the number since construction
     */
    long derivations() {
        return derivations.get();
    }

    private byte[] derive(String password, byte[] salt, int iterations) {
        return derive(password, salt, iterations, KEY_BYTES);
    }

    private byte[] derive(String password, byte[] salt, int iterations, int length) {
        derivations.incrementAndGet();
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, length * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            // every Java 17 runtime has it; without it no password can be checked at all
            throw new IllegalStateException(ALGORITHM + " is not available in this Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}

package nl.proeftuin.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The configuration of the security bundle, PID {@value #PID}, shared by its components
 * ({@code conf/nl.proeftuin.security.cfg} in the distribution).
 */
@ObjectClassDefinition(name = "Proeftuin security",
        description = "Sessions, throttling of failed logins and password hashing.")
public @interface SecurityConfig {

    /** The configuration PID. */
    String PID = "nl.proeftuin.security";

    /**
     * How long a web session lasts without being used.
     *
     * @return minutes, at least 1
     */
    @AttributeDefinition(name = "Session idle time (minutes)", min = "1",
            description = "A web session ends when it has not been used for this long.")
    int sessionIdleMinutes() default 120;

    /**
     * How long a web session lasts at most, however much it is used.
     *
     * @return hours, at least 1
     */
    @AttributeDefinition(name = "Session maximum (hours)", min = "1",
            description = "A web session ends this long after the login, even when in use.")
    int sessionMaxHours() default 12;

    /**
     * How many failed logins in a row (per username, and per client address) are let through
     * before further attempts are throttled.
     *
     * @return at least 1
     */
    @AttributeDefinition(name = "Failures before throttling", min = "1",
            description = "Failed logins in a row, per username and per client address, before"
                    + " further attempts are refused for a while (1 s, doubling per failure).")
    int failuresBeforeThrottle() default 5;

    /**
     * The longest wait throttling imposes.
     *
     * @return seconds, at least 1
     */
    @AttributeDefinition(name = "Longest throttling wait (seconds)", min = "1")
    int maxThrottleSeconds() default 900;

    /**
     * PBKDF2 iterations for new password hashes; stored hashes with fewer are replaced at the
     * next successful login.
     *
     * @return at least {@value PasswordHasher#MINIMUM_ITERATIONS}
     */
    @AttributeDefinition(name = "PBKDF2 iterations", min = "100000",
            description = "Iterations of PBKDF2-HMAC-SHA256 for password hashes; more is slower"
                    + " for attackers and for every login.")
    int pbkdf2Iterations() default 600_000;
}

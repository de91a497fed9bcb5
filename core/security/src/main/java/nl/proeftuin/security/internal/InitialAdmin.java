package nl.proeftuin.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.proeftuin.security.AuditLog;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.User;
import nl.proeftuin.security.UserDirectory;
import nl.proeftuin.store.UserRow;
import nl.proeftuin.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the platform has an admin when it starts.
 *
 * <p>With a configured password ({@code PROEFTUIN_ADMIN_PASSWORD}, or the framework property
 * {@code proeftuin.admin.password}): user {@value User#ADMIN} exists, is an admin and has that
 * password, whatever happened before. Without one, and only when there are no users at all: user
 * {@value User#ADMIN} is created with a generated password, written to
 * {@code <data>/initial-admin-password}, readable by the owner only; the log names the file,
 * never the password.
 *
 * <p>Several nodes may start at once on one database: the store's unique key lets exactly one
 * create the user; the others see it and carry on (and remove the file they wrote).
 *
 * <p>Thread-safety: meant to run once, at activation of the user directory.
 */
final class InitialAdmin {

    /** The environment variable with the admin's password. */
    static final String ENVIRONMENT_VARIABLE = "PROEFTUIN_ADMIN_PASSWORD";
    /** The framework property with the admin's password, used where no environment can be set (tests). */
    static final String FRAMEWORK_PROPERTY = "proeftuin.admin.password";
    /** The name of the file, in the data folder, with a generated password. */
    static final String FILE_NAME = "initial-admin-password";
    /** Length of a generated password. */
    static final int GENERATED_LENGTH = 24;

    /** No 0/O, 1/l/I: the password may be read off a screen and typed. */
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Set<PosixFilePermission> OWNER_READ_WRITE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);

    /**
     * A password given to the platform, and where it came from (for messages).
     *
     * @param password the password
     * @param source e.g. {@code PROEFTUIN_ADMIN_PASSWORD}
     */
    record Configured(String password, String source) {
        @Override
        public String toString() {
            return "Configured[source=" + source + "]";
        }
    }

    private final UserStore users;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random;
    private final Path passwordFile;

    /**
     * @param users where users are kept
     * @param audit where the changes go, as {@link AuditLog#SYSTEM}
     * @param hasher the password hashing
     * @param clock the time
     * @param random the source of a generated password
     * @param passwordFile where a generated password is written
     */
    InitialAdmin(UserStore users, AuditLog audit, PasswordHasher hasher, Clock clock, SecureRandom random,
            Path passwordFile) {
        this.users = Objects.requireNonNull(users, "users");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.passwordFile = Objects.requireNonNull(passwordFile, "passwordFile");
    }

    /**
     * The configured password: the environment variable, else the framework property; blank
     * values count as unset.
     *
     * @param environment the value of {@value #ENVIRONMENT_VARIABLE}, or {@code null}
     * @param property the value of {@value #FRAMEWORK_PROPERTY}, or {@code null}
     * @return the password and its source, or empty
     */
    static Optional<Configured> configured(String environment, String property) {
        if (environment != null && !environment.isBlank()) {
            return Optional.of(new Configured(environment, ENVIRONMENT_VARIABLE));
        }
        if (property != null && !property.isBlank()) {
            return Optional.of(new Configured(property, "framework property " + FRAMEWORK_PROPERTY));
        }
        return Optional.empty();
    }

    /**
     * Makes sure there is an admin, as described above.
     *
     * @param configured the configured password, or empty
     * @throws IllegalStateException if a generated password cannot be written (no admin is made then)
     * @throws nl.proeftuin.store.StoreException if the database cannot be reached
     */
    void ensure(Optional<Configured> configured) {
        if (configured.isPresent()) {
            ensure(configured.get());
        } else if (users.userCount() == 0) {
            generate();
        }
    }

    private void ensure(Configured configured) {
        String password = configured.password();
        if (password.codePointCount(0, password.length()) < UserDirectory.MINIMUM_PASSWORD_LENGTH) {
            // the operator's explicit choice is honoured, but not silently
            LOG.warn("The admin password from {} is shorter than {} characters; choose a longer one",
                    configured.source(), UserDirectory.MINIMUM_PASSWORD_LENGTH);
        }
        Optional<UserRow> admin = users.user(User.ADMIN);
        if (admin.isEmpty()) {
            if (users.insertUser(new UserRow(User.ADMIN, Role.ADMIN.id(), Set.of(), hasher.hash(password)),
                    clock.instant())) {
                audit.record(AuditLog.SYSTEM, AuditLog.USER_CREATE, User.ADMIN,
                        "role admin, password from " + configured.source());
                LOG.info("Created user \"{}\" with the password from {}", User.ADMIN, configured.source());
                return;
            }
            // another node created it meanwhile; check it like an existing one
            admin = users.user(User.ADMIN);
        }
        if (admin.isEmpty()) {
            throw new IllegalStateException("User \"" + User.ADMIN + "\" was created by another node"
                    + " and removed at once; restart to create it again");
        }
        if (!admin.get().role().equals(Role.ADMIN.id())) {
            users.updateUser(User.ADMIN, Role.ADMIN.id(), Set.of(), clock.instant());
            audit.record(AuditLog.SYSTEM, AuditLog.USER_UPDATE, User.ADMIN,
                    "role admin again, as " + configured.source() + " is set");
            LOG.warn("User \"{}\" had role {}; made admin again because {} is set", User.ADMIN,
                    admin.get().role(), configured.source());
        }
        if (!hasher.verify(password, admin.get().passwordHash())) {
            users.setPasswordHash(User.ADMIN, hasher.hash(password), clock.instant());
            audit.record(AuditLog.SYSTEM, AuditLog.USER_PASSWORD, User.ADMIN,
                    "password reset to " + configured.source() + "; all sessions ended");
            LOG.info("Set the password of user \"{}\" to the one from {}", User.ADMIN, configured.source());
            forgetPasswordFile();
        }
    }

    private void generate() {
        String password = newPassword();
        write(password);
        if (!users.insertUser(new UserRow(User.ADMIN, Role.ADMIN.id(), Set.of(), hasher.hash(password)),
                clock.instant())) {
            LOG.info("Another platform node created the first admin; it wrote the password on its own machine");
            forgetPasswordFile();
            return;
        }
        audit.record(AuditLog.SYSTEM, AuditLog.USER_CREATE, User.ADMIN,
                "role admin, generated password in " + passwordFile.toAbsolutePath());
        LOG.warn("No users yet: created user \"{}\" with a generated password, which is in {} (readable by"
                + " its owner only). Log in and set a new password; the file is deleted then.",
                User.ADMIN, passwordFile.toAbsolutePath());
    }

    /** Deletes the file with the generated password, once it no longer holds the admin's password. */
    void forgetPasswordFile() {
        try {
            if (Files.deleteIfExists(passwordFile)) {
                LOG.info("Deleted {}: it no longer holds the password of user \"{}\"",
                        passwordFile.toAbsolutePath(), User.ADMIN);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete {}, which no longer holds the password of user \"{}\": {}",
                    passwordFile.toAbsolutePath(), User.ADMIN, e.toString());
        }
    }

    private String newPassword() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private void write(String password) {
        try {
            Files.createDirectories(passwordFile.toAbsolutePath().getParent());
            // a file left from an earlier database holds a password nobody has any more
            Files.deleteIfExists(passwordFile);
            try {
                // created with its permissions: there is no moment at which others could read it
                Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
            } catch (UnsupportedOperationException e) {
                Files.createFile(passwordFile);
                LOG.warn("This file system has no POSIX permissions: make sure only the platform's user can"
                        + " read {}", passwordFile.toAbsolutePath());
            }
            Files.writeString(passwordFile, password + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the generated password of user \"" + User.ADMIN
                    + "\" to " + passwordFile.toAbsolutePath() + ": " + e
                    + " (make the data folder writable, or set " + ENVIRONMENT_VARIABLE + ")", e);
        }
    }
}

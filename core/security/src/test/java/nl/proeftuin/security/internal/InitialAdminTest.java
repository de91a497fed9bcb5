package nl.proeftuin.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.proeftuin.security.LoginResult;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.Session;
import nl.proeftuin.security.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.slf4j.LoggerFactory;

/** The admin every platform has from its first start. */
class InitialAdminTest {

    private static final String PROPERTY_SOURCE = "framework property proeftuin.admin.password";

    @TempDir
    Path data;

    private Fixture f;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(InitialAdmin.class);

    @BeforeEach
    void setUp() {
        f = new Fixture(data);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(log);
    }

    @Test
    void theFirstRequestAsAdminAfterTheStartCostsNoSecondHash() {
        var configured = InitialAdmin.configured("configured admin password", null);
        f.directory.settleAdmin(configured);
        f.directory.settleAdmin(configured); // a restart: the password is checked, not set

        long before = f.hasher.derivations();
        assertThat(f.authenticator.authenticate("admin", "configured admin password", Fixture.ADDRESS))
                .isInstanceOf(LoginResult.Success.class);
        assertThat(f.hasher.derivations() - before).as("hashes for the first admin request").isZero();
        assertThat(f.authenticator.authenticate("admin", "another password!", Fixture.ADDRESS))
                .as("only the configured password is remembered").isEqualTo(new LoginResult.Refused());
    }

    @Test
    void theEnvironmentVariableComesBeforeTheFrameworkProperty() {
        assertThat(InitialAdmin.configured("from-environment", "from-property"))
                .map(InitialAdmin.Configured::source).contains("PROEFTUIN_ADMIN_PASSWORD");
        assertThat(InitialAdmin.configured(" ", "from-property")).map(InitialAdmin.Configured::password)
                .contains("from-property");
        assertThat(InitialAdmin.configured(null, "from-property")).map(InitialAdmin.Configured::source)
                .contains(PROPERTY_SOURCE);
        assertThat(InitialAdmin.configured(null, "")).isEmpty();
        assertThat(InitialAdmin.configured("secret-value", null).orElseThrow().toString())
                .doesNotContain("secret-value");
    }

    @Test
    void createsTheAdminWithTheConfiguredPassword() {
        ensure("configured-password");

        assertThat(f.directory.users()).containsExactly(Fixture.admin(User.ADMIN));
        assertThat(login("configured-password")).isInstanceOf(LoginResult.Success.class);
        assertThat(f.db.auditLines()).containsExactly(
                "system user.create admin: role admin, password from " + PROPERTY_SOURCE);
        assertThat(passwordFile()).doesNotExist();
    }

    @Test
    void startingAgainWithTheSamePasswordChangesNothing() {
        ensure("configured-password");
        Session session = f.sessions.open(Fixture.admin(User.ADMIN), Fixture.ADDRESS);

        ensure("configured-password");

        assertThat(f.db.auditLines()).hasSize(2);
        assertThat(f.sessions.find(session.token())).isPresent();
    }

    @Test
    void resetsTheAdminToTheConfiguredPasswordAndRole() {
        ensure("first-configured-password");
        f.directory.create(Fixture.admin("anna"), Fixture.PASSWORD, User.ADMIN);
        f.directory.update(Fixture.viewer(User.ADMIN), "anna");
        Session session = f.sessions.open(Fixture.viewer(User.ADMIN), Fixture.ADDRESS);

        ensure("second-configured-password");

        assertThat(f.directory.user(User.ADMIN)).contains(Fixture.admin(User.ADMIN));
        assertThat(login("second-configured-password")).isInstanceOf(LoginResult.Success.class);
        assertThat(login("first-configured-password")).isEqualTo(new LoginResult.Refused());
        assertThat(f.sessions.find(session.token())).as("the old password's sessions end").isEmpty();
        assertThat(f.db.auditLines()).containsSubsequence(
                "system user.update admin: role admin again, as " + PROPERTY_SOURCE + " is set",
                "system user.password admin: password reset to " + PROPERTY_SOURCE + "; all sessions ended");
    }

    @Test
    void withoutAPasswordTheFirstStartWritesAGeneratedOneForTheOwnerOnly() throws Exception {
        f.directory.initialAdmin().ensure(Optional.empty());

        Path file = passwordFile();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(login(password)).isEqualTo(new LoginResult.Success(Fixture.admin(User.ADMIN)));
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement().satisfies(e -> {
            assertThat(e.getFormattedMessage()).contains(file.toAbsolutePath().toString())
                    .doesNotContain(password);
        });
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains(password));
        assertThat(f.db.auditLines()).containsExactly("system user.create admin: role admin,"
                + " generated password in " + file.toAbsolutePath());
    }

    @Test
    void generatesNothingWhenThereAreUsers() {
        f.directory.create(Fixture.admin("anna"), Fixture.PASSWORD, "system");

        f.directory.initialAdmin().ensure(Optional.empty());

        assertThat(f.directory.users()).extracting(User::username).containsExactly("anna");
        assertThat(passwordFile()).doesNotExist();
    }

    @Test
    void theFileGoesOnceTheAdminSetsANewPassword() throws Exception {
        f.directory.initialAdmin().ensure(Optional.empty());
        f.directory.create(Fixture.viewer("ed"), Fixture.PASSWORD, User.ADMIN);
        f.directory.setPassword("ed", "another password for ed", User.ADMIN);
        assertThat(passwordFile()).as("another user's password").exists();

        f.directory.setPassword(User.ADMIN, "the admin's own choice", User.ADMIN);

        assertThat(passwordFile()).doesNotExist();
    }

    @Test
    void replacesAFileLeftFromAnEarlierDatabase() throws Exception {
        Files.writeString(passwordFile(), "an old password nobody has any more");

        f.directory.initialAdmin().ensure(Optional.empty());

        String password = Files.readString(passwordFile()).strip();
        assertThat(login(password)).isInstanceOf(LoginResult.Success.class);
        assertThat(Files.getPosixFilePermissions(passwordFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void nodesStartingAtOnceMakeOneAdminAndKeepOneFile() throws Exception {
        List<Path> files = new ArrayList<>();
        List<Callable<Void>> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path node = Files.createDirectories(data.resolve("node-" + i));
            files.add(node.resolve(InitialAdmin.FILE_NAME));
            StoreUserDirectory directory = new StoreUserDirectory(f.db.users, f.audit, f.cache, f.hasher, f.clock,
                    f.random, StoreUserDirectory.passwordFile(node.toString()));
            nodes.add(() -> {
                directory.initialAdmin().ensure(Optional.empty());
                return null;
            });
        }

        atOnce(nodes);

        assertThat(f.directory.users()).containsExactly(Fixture.admin(User.ADMIN));
        List<Path> kept = files.stream().filter(Files::exists).toList();
        assertThat(kept).hasSize(1);
        assertThat(login(Files.readString(kept.get(0)).strip())).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void nodesStartingAtOnceWithAConfiguredPasswordMakeOneAdmin() throws Exception {
        List<Callable<Void>> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(() -> {
                ensure("configured-password");
                return null;
            });
        }

        atOnce(nodes);

        assertThat(f.directory.users()).containsExactly(Fixture.admin(User.ADMIN));
        assertThat(login("configured-password")).isInstanceOf(LoginResult.Success.class);
        assertThat(f.db.auditLines()).containsExactly(
                "system user.create admin: role admin, password from " + PROPERTY_SOURCE);
    }

    @Test
    void failsClearlyWhenThePasswordCannotBeWrittenAndMakesNoAdmin() throws Exception {
        Path notAFolder = Files.writeString(data.resolve("a-file"), "");
        StoreUserDirectory directory = new StoreUserDirectory(f.db.users, f.audit, f.cache, f.hasher, f.clock,
                f.random, StoreUserDirectory.passwordFile(notAFolder.toString()));

        assertThatThrownBy(() -> directory.initialAdmin().ensure(Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot write the generated password of user \"admin\" to "
                        + notAFolder.resolve(InitialAdmin.FILE_NAME))
                .hasMessageEndingWith("(make the data folder writable, or set PROEFTUIN_ADMIN_PASSWORD)");
        assertThat(f.directory.users()).isEmpty();
    }

    @Test
    void theComponentMakesTheAdminFromTheFrameworkPropertyWhenItActivates() {
        assumeTrue(System.getenv(InitialAdmin.ENVIRONMENT_VARIABLE) == null,
                "PROEFTUIN_ADMIN_PASSWORD is set in this environment and would come first");
        BundleContext context = context(Map.of("proeftuin.data", data.toString(),
                "proeftuin.admin.password", "itest-admin-password"));

        AdminBootstrap bootstrap = new AdminBootstrap();
        StoreUserDirectory directory = new StoreUserDirectory(PasswordHasherTest.config(Map.of()), context,
                f.db.users, f.audit, f.cache, bootstrap);
        PasswordAuthenticator authenticator = new PasswordAuthenticator(f.db.users, f.audit, f.cache, f.hasher,
                new LoginThrottle(5, java.time.Duration.ofSeconds(900), f.clock), bootstrap);

        // the admin is settled in the background; a login as admin waits for it instead of being refused
        assertThat(authenticator.authenticate(User.ADMIN, "itest-admin-password", Fixture.ADDRESS))
                .isInstanceOf(LoginResult.Success.class);
        assertThat(bootstrap.isSettled()).isTrue();
        assertThat(directory.users()).containsExactly(new User(User.ADMIN, Role.ADMIN, java.util.Set.of()));
        assertThat(f.db.users.user(User.ADMIN).orElseThrow().passwordHash()).startsWith("pbkdf2-sha256$600000$");
    }

    private void ensure(String password) {
        f.directory.initialAdmin().ensure(InitialAdmin.configured(null, password));
    }

    private LoginResult login(String password) {
        return f.authenticator.authenticate(User.ADMIN, password, Fixture.ADDRESS);
    }

    private Path passwordFile() {
        return data.resolve(InitialAdmin.FILE_NAME);
    }

    /** A bundle context that answers only framework properties. */
    private static BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void atOnce(List<Callable<Void>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> call : calls) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            for (Future<Void> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}

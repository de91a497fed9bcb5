package nl.proeftuin.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed JARs per region, with keys made by keytool and JARs signed by the JDK's JarSigner: trusted, untrusted,
 * expired, tampered, issued by a trusted CA, and the {@code any} and {@code *} rules.
 */
class TrustPolicyTest {

    @TempDir
    static Path folder;

    static TestKeys keys;
    static Path truststore;

    @BeforeAll
    static void makeKeysAndTruststore() throws Exception {
        keys = new TestKeys(folder);
        keys.selfSigned("team", "CN=Zeeland team, O=Provincie Zeeland");
        keys.selfSigned("stranger", "CN=Someone");
        keys.selfSigned("old", "CN=Old team", "-startdate", "-10d", "-validity", "2");
        keys.selfSigned("ministry", "CN=Ministerie BZK");
        keys.selfSigned("ca", "CN=Groningen CA");
        keys.issuedBy("member", "CN=Groningen member", "ca");
        Map<String, java.security.cert.X509Certificate> trusted = new LinkedHashMap<>();
        trusted.put("zeeland.team", keys.certificate("team"));
        trusted.put("zeeland.old", keys.certificate("old"));
        trusted.put("groningen", keys.certificate("ca"));
        trusted.put("any.bzk", keys.certificate("ministry"));
        truststore = keys.truststore("truststore.p12", trusted);
    }

    @Test
    void aJarSignedByTheRegionsTeamIsAccepted() throws Exception {
        assertThat(check(keys.sign(jar("zeeland"), "team"), "zeeland")).isEmpty();
    }

    @Test
    void anUnsignedJarIsRefusedNamingTheEntryTheRegionAndWhoIsTrusted() throws Exception {
        assertThat(check(jar("zeeland"), "zeeland")).containsExactly("Bundle nl.example.zeeland 1.0.0 is not signed (entry "
                + "nl/example/Pilot.class has no signature); region \"zeeland\" requires a JAR signed with a certificate from "
                + "truststore.p12 (trusted for zeeland: any.bzk, zeeland.old, zeeland.team).");
    }

    @Test
    void anUnsignedJarIsNamedByItsCodeRatherThanByItsBuildFiles() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", TestJars.manifest("nl.example.zeeland", "zeeland"));
        entries.put("META-INF/maven/nl.example/zeeland/pom.properties", "version=1.0.0\n".getBytes(StandardCharsets.UTF_8));
        entries.put("nl/example/Pilot.class", "not really a class".getBytes(StandardCharsets.UTF_8));

        assertThat(check(TestJars.zip(entries), "zeeland")).singleElement().asString()
                .contains("is not signed (entry nl/example/Pilot.class has no signature)");
    }

    @Test
    void aRegionThatRequiresNoSignatureAcceptsAnUnsignedJar() throws Exception {
        assertThat(check(jar("utrecht"), "zeeland")).isEmpty();
    }

    @Test
    void aJarSignedByAnUntrustedKeyIsRefusedNamingTheSigner() throws Exception {
        assertThat(check(keys.sign(jar("zeeland"), "stranger"), "zeeland")).singleElement().asString()
                .contains("is signed by CN=Someone, which is not trusted for region \"zeeland\"")
                .contains("trusted for zeeland: any.bzk, zeeland.old, zeeland.team");
    }

    @Test
    void aJarSignedWithAnExpiredCertificateIsRefused() throws Exception {
        assertThat(check(keys.sign(jar("zeeland"), "old"), "zeeland")).singleElement().asString()
                .contains("signed by CN=Old team, but certificate CN=Old team expired on").contains("valid now");
    }

    @Test
    void anEntryChangedAfterSigningIsRefusedNamingIt() throws Exception {
        Map<String, byte[]> entries = TestJars.entries(keys.sign(jar("zeeland"), "team"));
        entries.put("fixture.properties", "regionId=groningen\n".getBytes(StandardCharsets.UTF_8));

        assertThat(check(TestJars.zip(entries), "zeeland")).singleElement().asString()
                .contains("was changed after signing (fixture.properties does not match its signature");
    }

    @Test
    void aManifestHeaderChangedAfterSigningIsRefused() throws Exception {
        Map<String, byte[]> entries = TestJars.entries(keys.sign(jar("zeeland"), "team"));
        String manifest = new String(entries.get("META-INF/MANIFEST.MF"), StandardCharsets.UTF_8);
        entries.put("META-INF/MANIFEST.MF", manifest.replace("Bundle-Version: 1.0.0", "Bundle-Version: 6.6.6")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(check(TestJars.zip(entries), "zeeland")).singleElement().asString().contains("changed after signing");
    }

    @Test
    void anEntryAddedAfterSigningIsRefused() throws Exception {
        Map<String, byte[]> entries = TestJars.entries(keys.sign(jar("zeeland"), "team"));
        entries.put("nl/example/Evil.class", "evil".getBytes(StandardCharsets.UTF_8));

        assertThat(check(TestJars.zip(entries), "zeeland")).singleElement().asString()
                .contains("is not signed completely: entry nl/example/Evil.class has no signature");
    }

    @Test
    void anUnsignedEntryInMetaInfIsRefusedToo() throws Exception {
        // META-INF/services is read by service loaders: only the signature files themselves may be unsigned
        Map<String, byte[]> entries = TestJars.entries(keys.sign(jar("zeeland"), "team"));
        entries.put("META-INF/services/java.sql.Driver", "nl.example.Evil".getBytes(StandardCharsets.UTF_8));

        assertThat(check(TestJars.zip(entries), "zeeland")).singleElement().asString()
                .contains("entry META-INF/services/java.sql.Driver has no signature");
    }

    @Test
    void aJarSignedTwiceIsAcceptedWhenOneOfItsSignersIsTrusted() throws Exception {
        assertThat(check(keys.sign(keys.sign(jar("zeeland"), "stranger"), "team"), "zeeland")).isEmpty();
    }

    @Test
    void aKeyTrustedForOneRegionIsNotTrustedForAnother() throws Exception {
        assertThat(check(keys.sign(jar("groningen"), "team"), "zeeland", "groningen")).singleElement().asString()
                .contains("signed by CN=Zeeland team, O=Provincie Zeeland, which is not trusted for region \"groningen\"")
                .contains("trusted for groningen: any.bzk, groningen");
    }

    @Test
    void aCertificateIssuedByATrustedCertificateIsAccepted() throws Exception {
        assertThat(check(keys.sign(jar("groningen"), "member"), "groningen")).isEmpty();
    }

    @Test
    void anAnyCertificateIsTrustedForEveryRegion() throws Exception {
        assertThat(check(keys.sign(jar("zeeland"), "ministry"), "zeeland")).isEmpty();
        assertThat(check(keys.sign(jar("groningen"), "ministry"), "groningen")).isEmpty();
    }

    @Test
    void withAStarEveryJarMustBeSignedAndALibraryOnlyByAnAnyCertificate() throws Exception {
        assertThat(check(jar("utrecht"), "*")).singleElement().asString().contains("is not signed")
                .contains("trusted for utrecht: any.bzk");
        assertThat(check(keys.sign(jar(null), "team"), "*")).singleElement().asString()
                .contains("not trusted for every JAR (requireSignatureFor=*)");
        assertThat(check(keys.sign(jar(null), "ministry"), "*")).isEmpty();
    }

    @Test
    void aMissingTruststoreRefusesEveryJarThatNeedsASignature() throws Exception {
        TestConfig config = config("zeeland");
        config.truststore = folder.resolve("nothing-here.p12").toString();
        TrustPolicy policy = TrustPolicy.of(config, folder);

        assertThat(check(policy, keys.sign(jar("zeeland"), "team"), "zeeland")).singleElement().asString()
                .contains("the truststore " + config.truststore).contains("cannot be read: the file does not exist");
        assertThat(check(policy, jar("utrecht"), "utrecht")).as("other regions are not affected").isEmpty();
    }

    @Test
    void aWrongTruststorePasswordSaysSo() throws Exception {
        TestConfig config = config("zeeland");
        config.password = "not-the-password";

        assertThat(check(TrustPolicy.of(config, folder), keys.sign(jar("zeeland"), "team"), "zeeland")).singleElement()
                .asString().contains("the password is wrong (setting truststorePassword)");
    }

    @Test
    void aCommaSeparatedListNamesSeveralRegions() {
        TrustPolicy policy = TrustPolicy.of(config("zeeland, groningen"), folder);

        assertThat(policy.requiresSignature("zeeland")).isTrue();
        assertThat(policy.requiresSignature("groningen")).isTrue();
        assertThat(policy.requiresSignature("utrecht")).isFalse();
        assertThat(policy.requiresSignature(null)).isFalse();
    }

    private static byte[] jar(String region) {
        return TestJars.zip(TestJars.bundle("nl.example." + (region == null ? "library" : region), region));
    }

    private static TestConfig config(String... regions) {
        TestConfig config = new TestConfig();
        config.regions = regions;
        config.truststore = "truststore.p12";
        config.password = TestKeys.PASSWORD;
        return config;
    }

    private static List<String> check(byte[] jar, String... regions) throws IOException {
        String region = regionOf(jar);
        return check(TrustPolicy.of(config(regions), folder), jar, region);
    }

    private static List<String> check(TrustPolicy policy, byte[] jar, String region) throws IOException {
        Path file = Files.createTempFile(folder, "check-", ".jar");
        Files.write(file, jar);
        String name = region == null ? "nl.example.library" : "nl.example." + region;
        return policy.check(file, name + " 1.0.0", region);
    }

    private static String regionOf(byte[] jar) {
        String manifest = new String(TestJars.entries(jar).get("META-INF/MANIFEST.MF"), StandardCharsets.UTF_8);
        for (String line : manifest.split("\r\n")) {
            if (line.startsWith("Proeftuin-Region: ")) {
                return line.substring("Proeftuin-Region: ".length());
            }
        }
        return null;
    }

}

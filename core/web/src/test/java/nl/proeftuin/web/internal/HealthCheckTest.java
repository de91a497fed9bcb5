package nl.proeftuin.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

class HealthCheckTest {

    private static final String VERSION = "0.1.0";

    @Test
    void isUpWhenEveryBundleIsActive() {
        Health health = evaluate(core("org.apache.felix.framework", Bundle.ACTIVE),
                core("nl.proeftuin.registry", Bundle.ACTIVE), pilot("nl.zeeland.pilot", Bundle.ACTIVE));

        assertThat(health.status()).isEqualTo(Health.UP);
        assertThat(health.up()).isTrue();
        assertThat(health.inactiveCoreBundles()).isEmpty();
        assertThat(health.activeBundles()).isEqualTo(3);
        assertThat(health.totalBundles()).isEqualTo(3);
    }

    @Test
    void carriesVersionAndUptime() {
        Health health = HealthCheck.evaluate(new Bundle[] {core("nl.proeftuin.web", Bundle.ACTIVE)}, VERSION, 3600);

        assertThat(health.version()).isEqualTo(VERSION);
        assertThat(health.uptimeSeconds()).isEqualTo(3600);
    }

    @Test
    void isDegradedWhenACoreBundleIsOnlyResolvedAndNamesIt() {
        Health health = evaluate(core("nl.proeftuin.web", Bundle.ACTIVE), core("nl.proeftuin.registry",
                Bundle.RESOLVED), pilot("nl.zeeland.pilot", Bundle.ACTIVE));

        assertThat(health.status()).isEqualTo(Health.DEGRADED);
        assertThat(health.up()).isFalse();
        assertThat(health.inactiveCoreBundles()).containsExactly("nl.proeftuin.registry");
        assertThat(health.activeBundles()).isEqualTo(2);
        assertThat(health.totalBundles()).isEqualTo(3);
    }

    @Test
    void namesEveryInactiveCoreBundle() {
        Health health = evaluate(core("nl.proeftuin.store", Bundle.INSTALLED), core("nl.proeftuin.web",
                Bundle.ACTIVE), core("nl.proeftuin.registry", Bundle.RESOLVED));

        assertThat(health.inactiveCoreBundles()).containsExactly("nl.proeftuin.store", "nl.proeftuin.registry");
    }

    @Test
    void staysUpWhenAPilotBundleIsNotActive() {
        Health health = evaluate(core("nl.proeftuin.registry", Bundle.ACTIVE),
                pilot("nl.zeeland.pilot", Bundle.RESOLVED), pilot("nl.brabant.pilot", Bundle.INSTALLED));

        assertThat(health.status()).isEqualTo(Health.UP);
        assertThat(health.inactiveCoreBundles()).isEmpty();
        assertThat(health.activeBundles()).isEqualTo(1);
        assertThat(health.totalBundles()).isEqualTo(3);
    }

    @Test
    void staysUpWhenAFragmentIsResolved() {
        Health health = evaluate(core("nl.proeftuin.web", Bundle.ACTIVE),
                fragment("nl.proeftuin.web.nl", "nl.proeftuin.web"));

        assertThat(health.status()).isEqualTo(Health.UP);
        assertThat(health.activeBundles()).isEqualTo(1);
        assertThat(health.totalBundles()).isEqualTo(2);
    }

    @Test
    void isUpWithoutBundles() {
        Health health = evaluate();

        assertThat(health.status()).isEqualTo(Health.UP);
        assertThat(health.totalBundles()).isZero();
    }

    private static Health evaluate(Bundle... bundles) {
        return HealthCheck.evaluate(bundles, VERSION, 12);
    }

    private static Bundle core(String symbolicName, int state) {
        return bundle(symbolicName, state, Map.of());
    }

    private static Bundle pilot(String symbolicName, int state) {
        return bundle(symbolicName, state, Map.of(HealthCheck.PILOT_HEADER, "zeeland"));
    }

    private static Bundle fragment(String symbolicName, String host) {
        return bundle(symbolicName, Bundle.RESOLVED, Map.of(Constants.FRAGMENT_HOST, host));
    }

    /** A fake bundle answering only what a health check may ask: state, symbolic name, location and raw headers. */
    private static Bundle bundle(String symbolicName, int state, Map<String, String> extraHeaders) {
        return bundle(symbolicName, state, extraHeaders, "file:/proeftuin/system/" + symbolicName + ".jar");
    }

    private static Bundle bundle(String symbolicName, int state, Map<String, String> extraHeaders, String location) {
        Hashtable<String, String> headers = new Hashtable<>(extraHeaders);
        headers.put(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getState" -> state;
                    case "getSymbolicName" -> symbolicName;
                    case "getHeaders" -> headers;
                    case "getLocation" -> location;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "fake bundle " + symbolicName;
                    default -> throw new UnsupportedOperationException("fake Bundle." + method.getName());
                });
    }

    @Test
    void staysUpWhenALibraryFromDeployWaits() {
        Bundle library = bundle("nl.example.lib", Bundle.INSTALLED, Map.of(), "proeftuin:deploy/lib.jar");

        Health health = HealthCheck.evaluate(new Bundle[] {bundle("nl.proeftuin.web", Bundle.ACTIVE, Map.of()), library}, "1", 0);

        assertThat(health.status()).isEqualTo(Health.UP);
        assertThat(health.inactiveCoreBundles()).isEmpty();
    }

    @Test
    void activeBundlesAreNotEnoughWhileLoginsCannotBeChecked() {
        Health health = HealthCheck.evaluate(new Bundle[] {core("nl.proeftuin.web", Bundle.ACTIVE)},
                List.of("logins (security filter)"), VERSION, 1);

        assertThat(health.up()).isFalse();
        assertThat(health.status()).isEqualTo(Health.DEGRADED);
        assertThat(health.unavailableServices()).containsExactly("logins (security filter)");
    }
}

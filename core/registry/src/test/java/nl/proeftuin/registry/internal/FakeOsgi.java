package nl.proeftuin.registry.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.proeftuin.api.pilot.Pilot;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/** Hand-made fakes of the few framework objects the registry touches, built on {@link Proxy}. */
final class FakeOsgi {

    private FakeOsgi() {
    }

    /** A bundle with an id, a symbolic name, version 1.0.0 and, when not null, a region header. */
    static Bundle bundle(long bundleId, String symbolicName, String declaredRegion) {
        Hashtable<String, String> headers = new Hashtable<>();
        headers.put(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        if (declaredRegion != null) {
            headers.put(Pilot.REGION_HEADER, declaredRegion);
        }
        return fake(Bundle.class, Map.of(
                "getBundleId", args -> bundleId,
                "getSymbolicName", args -> symbolicName,
                "getVersion", args -> Version.parseVersion(Pilots.VERSION),
                "getState", args -> Bundle.ACTIVE,
                "getHeaders", args -> headers));
    }

    /** A reference to a pilot service registered by the given bundle. */
    @SuppressWarnings("unchecked")
    static ServiceReference<Pilot> reference(Bundle bundle, long serviceId) {
        return fake(ServiceReference.class, Map.of(
                "getBundle", args -> bundle,
                "getProperty", args -> Constants.SERVICE_ID.equals(args[0]) ? serviceId : null));
    }

    /** A framework context in which every bundle is installed except those listed. */
    static BundleContext context(Set<Long> uninstalled) {
        return fake(BundleContext.class, Map.of(
                "getBundle", args -> uninstalled.contains((Long) args[0]) ? null : bundle((Long) args[0], "bundle" + args[0], null)));
    }

    /** The registry's configuration with the given contribution timeout. */
    static PilotRegistry.Config config(int contributionTimeoutSeconds) {
        return fake(PilotRegistry.Config.class, Map.of(
                "contributionTimeoutSeconds", args -> contributionTimeoutSeconds,
                "annotationType", args -> PilotRegistry.Config.class));
    }

    private static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        InvocationHandler handler = (proxy, method, args) -> answer(type, proxy, method, args, answers);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object answer(Class<?> type, Object proxy, Method method, Object[] args,
            Map<String, Function<Object[], Object>> answers) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "fake " + type.getSimpleName();
            default:
                Function<Object[], Object> answer = answers.get(method.getName());
                if (answer == null) {
                    throw new UnsupportedOperationException("fake " + type.getSimpleName() + "." + method.getName());
                }
                return answer.apply(args);
        }
    }
}

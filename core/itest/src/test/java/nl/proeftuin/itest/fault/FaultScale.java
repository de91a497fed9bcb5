package nl.proeftuin.itest.fault;

import org.osgi.framework.BundleContext;

/**
 * The sizes of the fault tests: small in CI, full when {@code bench/faults.sh} runs them. Full when the framework or
 * system property {@code proeftuin.fault.scale} or the environment variable {@code PROEFTUIN_FAULT_SCALE} is
 * {@code full} (the environment reaches the forked test framework whatever the build tool passes on).
 */
final class FaultScale {

    private FaultScale() {
    }

    /** True for the full sizes of {@code bench/faults.sh}. */
    static boolean full(BundleContext context) {
        String property = context.getProperty("proeftuin.fault.scale");
        String value = property != null ? property : System.getenv("PROEFTUIN_FAULT_SCALE");
        return "full".equalsIgnoreCase(value == null ? "" : value.strip());
    }

    /** {@code small} in CI, {@code full} in bench. */
    static int pick(BundleContext context, int small, int full) {
        return full(context) ? full : small;
    }
}

package nl.proeftuin.distribution.fault;

/**
 * The sizes of the fault tests: small in CI, full when {@code bench/faults.sh} runs them. Full when the system
 * property {@code proeftuin.fault.scale} or the environment variable {@code PROEFTUIN_FAULT_SCALE} is {@code full}.
 */
final class Scale {

    private Scale() {
    }

    static boolean full() {
        String value = System.getProperty("proeftuin.fault.scale", System.getenv("PROEFTUIN_FAULT_SCALE"));
        return "full".equalsIgnoreCase(value == null ? "" : value.strip());
    }

    /** {@code small} in CI, {@code full} in bench. */
    static int pick(int small, int full) {
        return full() ? full : small;
    }
}

package nl.proeftuin.deployer;

/** The state of a deployment in one word. */
public enum DeploymentState {
    /** Active, and its contribution (if any) is in the catalogue. */
    RUNNING,
    /** Being installed or started. */
    STARTING,
    /** Installed, but something it needs is missing; it starts by itself once that arrives. */
    WAITING,
    /** Installed but not working: its activator or a component failed, or its contribution was refused. */
    FAILED,
    /** The file is not a usable bundle; nothing was installed from it (a previous version keeps running). */
    INVALID
}

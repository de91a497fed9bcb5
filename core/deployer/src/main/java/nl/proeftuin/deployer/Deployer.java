package nl.proeftuin.deployer;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Installs, updates and removes pilot bundles, and tells their state in words.
 *
 * <p>Thread safety: may be called from any thread. Changes are applied one at a time, in order, on the deployer's
 * own thread; the calls below wait for their change to be applied (at most about 30 s).
 */
@ProviderType
public interface Deployer {

    /**
     * Every file in {@code deploy/} and the bundle installed from it, in file-name order.
     *
     * @return the deployments, unmodifiable
     */
    List<Deployment> deployments();

    /**
     * Looks up the deployment of a bundle.
     *
     * @param symbolicName the bundle's symbolic name
     * @return the deployment, or empty when no file in {@code deploy/} holds that bundle
     */
    Optional<Deployment> deployment(String symbolicName);

    /**
     * Checks a JAR and, when it is a bundle, moves it into {@code deploy/} in one atomic step (replacing the file
     * that holds the same symbolic name, if any) and installs or updates it.
     *
     * @param jar a file written completely by the caller, on the same file system as {@link #incomingFolder()};
     *     it is moved away on success and left in place on failure
     * @return the deployment after the change, with its state and problems
     * @throws InvalidBundleException when the file is not a usable bundle, listing every problem; nothing in
     *     {@code deploy/} changes then
     */
    Deployment deploy(Path jar);

    /**
     * Removes the file that holds a bundle from {@code deploy/} and uninstalls the bundle. Stored data of the pilot
     * is kept.
     *
     * @param symbolicName the bundle's symbolic name
     * @return true when it was deployed and is now removed, false when it was not deployed
     */
    boolean remove(String symbolicName);

    /**
     * A folder for uploads in progress: inside {@code deploy/} (so that the final move is atomic) but never
     * watched.
     *
     * @return the folder, created when missing
     */
    Path incomingFolder();
}

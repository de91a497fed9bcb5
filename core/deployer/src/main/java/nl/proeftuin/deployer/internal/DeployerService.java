package nl.proeftuin.deployer.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import nl.proeftuin.deployer.Deployer;
import nl.proeftuin.deployer.Deployment;
import nl.proeftuin.deployer.InvalidBundleException;
import nl.proeftuin.feeds.FeedMonitor;
import nl.proeftuin.feeds.FeedStatus;
import nl.proeftuin.registry.Catalog;
import nl.proeftuin.security.AuditLog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the pilot bundles equal to the JARs in {@code deploy/}. A file watcher (inotify on Linux) notices changes
 * at once; a periodic rescan catches whatever it misses. Every change runs on one deployer thread, in order.
 */
@Component(service = Deployer.class, immediate = true, configurationPid = "nl.proeftuin.deployer")
@Designate(ocd = DeployerConfig.class)
public final class DeployerService implements Deployer {

    private static final Logger LOG = LoggerFactory.getLogger(DeployerService.class);
    static final String INCOMING = ".incoming";

    private final BundleContext context;
    private final Catalog catalog;
    private final ServiceComponentRuntime scr;
    private final DeployEvents events;
    private final DeployAudit audit;
    private final Path folder;
    private final Path home;
    private final Staging staging;
    private final BundleOperations operations;
    /** The settings, replaced as a whole when they change; read on any thread. */
    private volatile DeployerConfig config;
    private volatile JarInspector.Checks checks;
    private final Map<String, FileRecord> records = new ConcurrentSkipListMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new HashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "proeftuin-deployer"));
    private final FolderWatcher watcher;
    private final InstalledContent installed;
    /** The periodic rescan; replaced when its interval changes (guarded by {@code this}). */
    private ScheduledFuture<?> rescanTask;
    /** The truststore's stamp when the JARs were last checked against it; deployer thread only. */
    private Object checkedTruststore;
    /** True once the start-up pass over deploy/ ran; deployer thread only. */
    private boolean reconciled;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FeedMonitor feedMonitor;

    /** Where changes found in deploy/ are recorded; the deployer works the same without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    /**
     * Starts watching {@code deploy/} and applies what is in it.
     *
     * @param context the deployer bundle's context
     * @param config the settings
     * @param catalog the catalogue, for refused contributions
     * @param scr Declarative Services' runtime, for failed components
     * @param eventAdmin where bundle events are posted
     */
    @Activate
    public DeployerService(BundleContext context, DeployerConfig config, @Reference(name = "catalog") Catalog catalog,
            @Reference(name = "scr") ServiceComponentRuntime scr, @Reference(name = "eventAdmin") EventAdmin eventAdmin)
            throws IOException {
        this.context = context;
        this.catalog = catalog;
        this.scr = scr;
        this.events = new DeployEvents(eventAdmin);
        this.audit = new DeployAudit(() -> auditLog);
        String deployProperty = context.getProperty("proeftuin.deploy");
        this.folder = Path.of(deployProperty != null ? deployProperty : "deploy").toAbsolutePath().normalize();
        String homeProperty = context.getProperty("proeftuin.home");
        // the home holds deploy/; without the launcher's property, deploy/'s parent is the best guess
        this.home = homeProperty != null ? Path.of(homeProperty).toAbsolutePath().normalize()
                : folder.getParent() != null ? folder.getParent() : folder;
        Files.createDirectories(folder.resolve(INCOMING));
        cleanIncoming();
        this.staging = new Staging(context.getDataFile("staging"));
        this.operations = new BundleOperations(context, TimeUnit.SECONDS.toMillis(config.operationTimeoutSeconds()));
        this.installed = new InstalledContent(context.getDataFile("installed-content.properties"));
        useSettings(config);
        this.watcher = new FolderWatcher(folder, this::changed);
        whenFrameworkStarted(() -> worker.execute(this::reconcile));
        scheduleRescan(config.rescanSeconds());
        watcher.start();
        LOG.info("Watching {} for pilot bundles{}", folder, describeTrust());
    }

    /**
     * Takes new settings without stopping: the limits and the trust policy apply to every JAR in {@code deploy/}
     * again, so a pilot that is no longer accepted is uninstalled and one that now is gets installed.
     *
     * @param changed the new settings
     */
    @Modified
    void modified(DeployerConfig changed) {
        int previousRescan = config.rescanSeconds();
        useSettings(changed);
        operations.timeoutMillis(TimeUnit.SECONDS.toMillis(changed.operationTimeoutSeconds()));
        if (previousRescan != changed.rescanSeconds()) {
            scheduleRescan(changed.rescanSeconds());
        }
        LOG.info("The deployer's settings changed{}; checking every JAR in {} again", describeTrust(), folder);
        worker.execute(() -> recheckAll(ChangeOrigin.SETTINGS));
    }

    private void useSettings(DeployerConfig settings) {
        TrustPolicy trust = TrustPolicy.of(settings, home);
        this.checks = new JarInspector.Checks(ArchiveLimits.of(settings), trust);
        this.config = settings;
    }

    private String describeTrust() {
        TrustPolicy trust = checks.trust();
        return trust.active() ? " (signatures required for " + String.join(", ", trust.regions()) + ")" : "";
    }

    private synchronized void scheduleRescan(int seconds) {
        if (rescanTask != null) {
            rescanTask.cancel(false);
        }
        int interval = Math.max(1, seconds);
        rescanTask = worker.scheduleWithFixedDelay(this::rescan, interval, interval, TimeUnit.SECONDS);
    }

    /**
     * Pilots are installed once the platform has fully started: a bundle started while the framework is still
     * raising its start level is only marked for start, and would be reported as waiting for no reason.
     */
    private void whenFrameworkStarted(Runnable action) {
        Bundle framework = context.getBundle(0);
        AtomicBoolean done = new AtomicBoolean();
        FrameworkListener listener = new FrameworkListener() {
            @Override
            public void frameworkEvent(FrameworkEvent event) {
                if (event.getType() == FrameworkEvent.STARTED && done.compareAndSet(false, true)) {
                    context.removeFrameworkListener(this);
                    action.run();
                }
            }
        };
        context.addFrameworkListener(listener);
        if (framework.getState() == Bundle.ACTIVE && done.compareAndSet(false, true)) {
            context.removeFrameworkListener(listener);
            action.run();
        }
    }

    /** Uploads cut off by a crash leave files in the incoming folder; no upload can be in progress yet. */
    private void cleanIncoming() {
        try (Stream<Path> leftovers = Files.list(folder.resolve(INCOMING))) {
            for (Path leftover : (Iterable<Path>) leftovers::iterator) {
                Files.deleteIfExists(leftover);
                LOG.info("Removed an unfinished upload: {}", leftover.getFileName());
            }
        } catch (IOException e) {
            LOG.warn("Cannot clean {}: {}", folder.resolve(INCOMING), e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        watcher.close();
        worker.shutdownNow();
        operations.close();
    }

    private List<FeedStatus> feeds() {
        FeedMonitor monitor = feedMonitor;
        return monitor == null ? List.of() : monitor.feeds();
    }

    @Override
    public List<Deployment> deployments() {
        var snapshot = catalog.snapshot();
        List<Deployment> all = new ArrayList<>();
        for (FileRecord record : records.values()) {
            all.add(DeploymentView.of(record, context, scr, snapshot, feeds()));
        }
        return List.copyOf(all);
    }

    @Override
    public Optional<Deployment> deployment(String symbolicName) {
        return holderOf(symbolicName).map(r -> DeploymentView.of(r, context, scr, catalog.snapshot(), feeds()));
    }

    /** The file whose bundle is installed wins over a second file that names the same bundle. */
    private Optional<FileRecord> holderOf(String symbolicName) {
        List<FileRecord> named = records.values().stream()
                .filter(r -> symbolicName.equals(r.info().symbolicName()) || symbolicName.equals(bundleName(r))).toList();
        return named.stream().filter(r -> r.bundleId() >= 0).findFirst().or(() -> named.stream().findFirst());
    }

    @Override
    public Path incomingFolder() {
        Path incoming = folder.resolve(INCOMING);
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + incoming + ": " + e.getMessage(), e);
        }
        return incoming;
    }

    @Override
    public Deployment deploy(Path jar) {
        return onWorker(() -> {
            // a first look at the caller's file, so that a refused upload never touches deploy/; the verdict that
            // counts is the one on the private copy that apply() installs from
            JarInspector.JarInfo info = JarInspector.inspect(jar, checks);
            if (!info.usable()) {
                throw new InvalidBundleException(info.problems());
            }
            String fileName = fileNameFor(info.symbolicName());
            Path target = folder.resolve(fileName);
            FileRecord previous = records.get(fileName);
            Path backup = null;
            if (Files.exists(target)) {
                backup = incomingFolder().resolve(fileName + ".previous");
                Files.copy(target, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            try {
                Files.move(jar, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                // the caller (the web layer) writes the audit line, with its user; an explicit deploy checks the
                // content even when the same bytes were refused before (the truststore may have changed since)
                apply(fileName, true, ChangeOrigin.DEPLOYER_API, true);
                FileRecord record = records.get(fileName);
                if (record != null && record.invalid()) {
                    // the framework refused it: deploy/ goes back to what it was, as if the upload never happened
                    rollBack(fileName, target, backup, previous);
                    backup = null;
                    throw new InvalidBundleException(record.info().problems());
                }
                return DeploymentView.of(record, context, scr, catalog.snapshot(), feeds());
            } catch (AtomicMoveNotSupportedException e) {
                throw new IllegalStateException("the upload folder is not on the same file system as " + folder, e);
            } finally {
                if (backup != null) {
                    Files.deleteIfExists(backup);
                }
            }
        });
    }

    private void rollBack(String fileName, Path target, Path backup, FileRecord previous) throws IOException {
        if (backup != null) {
            Files.move(backup, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(target);
        }
        if (previous != null) {
            records.put(fileName, previous);
        } else {
            records.remove(fileName);
        }
    }

    @Override
    public boolean remove(String symbolicName) {
        return onWorker(() -> {
            Optional<FileRecord> record = holderOf(symbolicName);
            if (record.isEmpty()) {
                return false;
            }
            Files.deleteIfExists(folder.resolve(record.get().fileName()));
            // the caller (the web layer) writes the audit line, with its user
            apply(record.get().fileName(), true, ChangeOrigin.DEPLOYER_API, false);
            return true;
        });
    }

    /** The file that holds a symbolic name keeps holding it; a new one is named after it. */
    private String fileNameFor(String symbolicName) {
        for (FileRecord record : records.values()) {
            if (symbolicName.equals(record.info().symbolicName()) || symbolicName.equals(bundleName(record))) {
                return record.fileName();
            }
        }
        String base = symbolicName.replaceAll("[^A-Za-z0-9._-]", "_");
        String name = base + ".jar";
        for (int n = 2; records.containsKey(name) || Files.exists(folder.resolve(name)); n++) {
            name = base + "-" + n + ".jar";
        }
        return name;
    }

    private String bundleName(FileRecord record) {
        Bundle bundle = record.bundleId() >= 0 ? context.getBundle(record.bundleId()) : null;
        return bundle == null ? null : bundle.getSymbolicName();
    }

    private <T> T onWorker(Callable<T> task) {
        try {
            return worker.submit(task).get(config.operationTimeoutSeconds() + 5L, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the deployer is busy; try again in a moment", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Called by the watcher for every change of a file name; waits for the file to settle. */
    private void changed(String fileName) {
        if (!isCandidate(fileName)) {
            return;
        }
        synchronized (pending) {
            ScheduledFuture<?> previous = pending.remove(fileName);
            if (previous != null) {
                previous.cancel(false);
            }
            pending.put(fileName, worker.schedule(() -> settle(fileName), config.settleMillis(), TimeUnit.MILLISECONDS));
        }
    }

    static boolean isCandidate(String fileName) {
        return fileName.endsWith(".jar") && !fileName.startsWith(".");
    }

    /** Applies a file once it stopped changing; a file still being copied is looked at again later. */
    private void settle(String fileName) {
        synchronized (pending) {
            pending.remove(fileName);
        }
        Path file = folder.resolve(fileName);
        try {
            if (Files.exists(file)) {
                long age = System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis();
                // a time in the future (a clock ahead, cp -p) says nothing about a copy in progress
                if (age >= 0 && age < config.settleMillis()) {
                    changed(fileName);
                    return;
                }
            }
            apply(fileName, false, ChangeOrigin.DEPLOY_FOLDER, false);
        } catch (IOException | RuntimeException e) {
            LOG.error("Applying deploy/{} failed", fileName, e);
        }
    }

    /**
     * Makes the installed bundle match the file: install, update, uninstall or nothing. Worker thread only.
     *
     * <p>The file is copied first, and that private copy is what is checked and installed: whoever can write to
     * {@code deploy/} cannot swap the content between the check and the install.
     *
     * @param fileName the file in {@code deploy/}
     * @param complete true when the file is known to be written completely (an upload), so an unreadable file is
     *     invalid at once instead of after the grace for slow copies
     * @param origin where the change came from, which decides whether it is audited here
     * @param force true to check an unchanged file again (the settings or the truststore changed, or at start)
     */
    private void apply(String fileName, boolean complete, ChangeOrigin origin, boolean force) throws IOException {
        Path file = folder.resolve(fileName);
        FileRecord record = records.get(fileName);
        if (!Files.exists(file)) {
            if (record != null) {
                removeBundle(record, origin);
            }
            return;
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        JarInspector.Checks current = checks;
        if (attributes.size() > current.limits().maxTotalBytes()) {
            // too large to be a pilot: not even copied or hashed
            String stamp = "too large: " + attributes.size() + " bytes at " + attributes.lastModifiedTime().toMillis();
            markInvalid(fileName, record, attributes, new JarInspector.JarInfo(null, null, null, stamp,
                    ArchiveScan.check(file, attributes.size(), current.limits()).problems(), false), origin);
            return;
        }
        Path copy = staging.copyOf(file);
        try {
            applyCopy(fileName, copy, record, attributes, complete, origin, force, current);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private void applyCopy(String fileName, Path copy, FileRecord record, BasicFileAttributes attributes, boolean complete,
            ChangeOrigin origin, boolean force, JarInspector.Checks current) throws IOException {
        String sha = JarInspector.sha256(copy);
        boolean unchanged = record != null && sha.equals(record.sha256());
        if (unchanged && !force) {
            records.put(fileName, new FileRecord(fileName, attributes.size(), attributes.lastModifiedTime().toMillis(),
                    record.sha256(), record.info(), record.bundleId(), record.installedSha256(), record.startFailure(), record.changedAt()));
            return;
        }
        JarInspector.JarInfo info = JarInspector.inspect(copy, sha, current);
        if (unchanged && recheckUnchanged(fileName, record, attributes, info, origin)) {
            return;
        }
        if (!info.usable()) {
            long age = System.currentTimeMillis() - attributes.lastModifiedTime().toMillis();
            boolean young = age >= 0 && age < config.incompleteGraceMillis();
            if (!complete && young && info.mayBeIncomplete()) {
                // maybe a slow copy that paused: look again before calling it broken
                worker.schedule(() -> settle(fileName), config.settleMillis() * 4, TimeUnit.MILLISECONDS);
                return;
            }
            markInvalid(fileName, record, attributes, info, origin);
            return;
        }
        for (FileRecord other : records.values()) {
            if (!other.fileName().equals(fileName) && info.symbolicName().equals(bundleName(other))) {
                JarInspector.JarInfo clash = new JarInspector.JarInfo(info.symbolicName(), info.version(), info.region(), info.sha256(),
                        List.of("Bundle " + info.symbolicName() + " is already deployed from deploy/" + other.fileName()
                                + "; replace that file instead of adding a second one."));
                markInvalid(fileName, record, attributes, clash, origin);
                return;
            }
        }
        installOrUpdate(fileName, copy, record, attributes, info, origin);
        healWaiting();
    }

    /**
     * Handles a file whose content did not change but was checked again.
     *
     * @return true when handled; false when the file must be applied like new content (it was refused, now it is not)
     */
    private boolean recheckUnchanged(String fileName, FileRecord record, BasicFileAttributes attributes,
            JarInspector.JarInfo info, ChangeOrigin origin) {
        if (info.usable()) {
            if (record.invalid()) {
                return false;
            }
            records.put(fileName, new FileRecord(fileName, attributes.size(), attributes.lastModifiedTime().toMillis(),
                    record.sha256(), record.info(), record.bundleId(), record.installedSha256(), record.startFailure(), record.changedAt()));
            return true;
        }
        if (!record.invalid() && record.bundleId() >= 0) {
            withdraw(record, attributes, info, origin);
        } else {
            markInvalid(fileName, record, attributes, info, origin);
        }
        return true;
    }

    private void markInvalid(String fileName, FileRecord record, BasicFileAttributes attributes, JarInspector.JarInfo info,
            ChangeOrigin origin) {
        if (record != null && record.invalid() && record.sha256().equals(info.sha256())
                && record.info().problems().equals(info.problems())) {
            // refused before for the same reasons (checked again after a settings change): nothing new to say
            records.put(fileName, new FileRecord(fileName, attributes.size(), attributes.lastModifiedTime().toMillis(),
                    record.sha256(), record.info(), record.bundleId(), record.installedSha256(), record.startFailure(), record.changedAt()));
            return;
        }
        FileRecord invalid = record != null
                ? record.withInvalid(attributes.size(), attributes.lastModifiedTime().toMillis(), info)
                : new FileRecord(fileName, attributes.size(), attributes.lastModifiedTime().toMillis(), info.sha256(), info, -1,
                        null, null, Instant.now());
        records.put(fileName, invalid);
        LOG.warn("deploy/{} cannot be deployed: {}", fileName, String.join(" ", info.problems()));
        events.failed(DeploymentView.of(invalid, context, scr, catalog.snapshot(), feeds()));
        // after the event: the dashboard hears of it at once, whatever the database takes
        audit.refused(origin, fileName, info.symbolicName(), String.join(" ", info.problems()));
    }

    /**
     * Uninstalls a running bundle whose own, unchanged file is no longer accepted (a signature is now required, or a
     * trusted certificate was taken out of the truststore). The file stays in {@code deploy/}, shown as refused.
     */
    private void withdraw(FileRecord record, BasicFileAttributes attributes, JarInspector.JarInfo info, ChangeOrigin origin) {
        Deployment before = DeploymentView.of(record, context, scr, catalog.snapshot(), feeds());
        // listed as refused before the bundle goes, so that nobody reads a deployment whose bundle has vanished
        FileRecord refused = new FileRecord(record.fileName(), attributes.size(), attributes.lastModifiedTime().toMillis(),
                info.sha256(), info, -1, null, null, Instant.now());
        records.put(record.fileName(), refused);
        installed.remove(record.fileName());
        Bundle bundle = context.getBundle(record.bundleId());
        if (bundle != null) {
            try {
                operations.uninstall(bundle);
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("Uninstalling {} failed: {}", bundle.getSymbolicName(), e.getMessage());
            }
        }
        String reasons = String.join(" ", info.problems());
        LOG.warn("deploy/{} is no longer accepted; {} was uninstalled: {}", record.fileName(), before.symbolicName(), reasons);
        events.removed(before);
        events.failed(DeploymentView.of(refused, context, scr, catalog.snapshot(), feeds()));
        audit.refused(origin, record.fileName(), info.symbolicName(), reasons);
        audit.removed(origin, before.symbolicName(), "uninstalled: deploy/" + record.fileName() + " is no longer accepted");
        releaseClaims(before.symbolicName(), record.fileName());
    }

    private void installOrUpdate(String fileName, Path content, FileRecord record, BasicFileAttributes attributes,
            JarInspector.JarInfo info, ChangeOrigin origin) throws IOException {
        Bundle bundle = record != null && record.bundleId() >= 0 ? context.getBundle(record.bundleId()) : null;
        boolean update = bundle != null;
        String startFailure;
        try {
            if (update) {
                operations.update(bundle, content);
            } else {
                bundle = operations.install(fileName, content);
            }
            // listed before it starts: its contribution can reach the catalogue while start() is still running
            records.put(fileName, new FileRecord(fileName, attributes.size(), attributes.lastModifiedTime().toMillis(),
                    info.sha256(), info, bundle.getBundleId(), info.sha256(), null, Instant.now()));
            startFailure = operations.start(bundle);
        } catch (BundleException e) {
            if (update && bundle.getState() != Bundle.ACTIVE) {
                operations.start(bundle); // the previous version keeps running
            }
            JarInspector.JarInfo refused = new JarInspector.JarInfo(info.symbolicName(), info.version(), info.region(),
                    info.sha256(), List.of("The framework refused it: " + e.getMessage() + "."));
            markInvalid(fileName, record, attributes, refused, origin);
            return;
        }
        FileRecord applied = new FileRecord(fileName, attributes.size(), attributes.lastModifiedTime().toMillis(), info.sha256(),
                info, bundle.getBundleId(), info.sha256(), startFailure, Instant.now());
        records.put(fileName, applied);
        installed.put(fileName, info.sha256());
        Deployment view = DeploymentView.of(applied, context, scr, catalog.snapshot(), feeds());
        LOG.info("{} deploy/{}: {} {} is {}{}", update ? "Updated" : "Installed", fileName, view.symbolicName(), view.version(),
                view.state(), view.problems().isEmpty() ? "" : " (" + String.join(" ", view.problems()) + ")");
        if (update) {
            events.updated(view);
        } else {
            events.installed(view);
        }
        if (!view.problems().isEmpty()) {
            events.failed(view);
        }
        // after the events: the dashboard hears of it at once, whatever the database takes
        if (update) {
            audit.updated(origin, view);
        } else {
            audit.deployed(origin, view);
        }
    }

    private void removeBundle(FileRecord record, ChangeOrigin origin) {
        Bundle bundle = record.bundleId() >= 0 ? context.getBundle(record.bundleId()) : null;
        Deployment view = DeploymentView.of(record, context, scr, catalog.snapshot(), feeds());
        if (bundle != null) {
            try {
                operations.uninstall(bundle);
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("Uninstalling {} failed: {}", bundle.getSymbolicName(), e.getMessage());
            }
        }
        // only now: the bundle list must not show a pilot gone while it still runs
        records.remove(record.fileName());
        installed.remove(record.fileName());
        LOG.info("Removed deploy/{} ({})", record.fileName(),
                view.symbolicName() == null ? "nothing was installed from it" : view.symbolicName());
        events.removed(view);
        if (bundle != null) {
            // a refused file that never ran is no change to what runs: only a removed bundle is audited
            audit.removed(origin, view.symbolicName(), "version " + view.version() + ", deploy/" + record.fileName() + " was deleted");
        }
        releaseClaims(view.symbolicName(), record.fileName());
    }

    /** A file refused because this bundle was taken may now be installed: forget it, so it is applied afresh. */
    private void releaseClaims(String symbolicName, String holderFileName) {
        if (symbolicName == null) {
            return;
        }
        for (FileRecord other : List.copyOf(records.values())) {
            if (!other.fileName().equals(holderFileName) && other.bundleId() < 0
                    && symbolicName.equals(other.info().symbolicName())) {
                records.remove(other.fileName());
                changed(other.fileName());
            }
        }
    }

    /** Bundles that waited for a requirement start by themselves once it arrived. */
    private void healWaiting() {
        List<Bundle> waiting = new ArrayList<>();
        for (FileRecord record : records.values()) {
            Bundle bundle = record.bundleId() >= 0 ? context.getBundle(record.bundleId()) : null;
            if (bundle != null && bundle.getState() == Bundle.INSTALLED) {
                waiting.add(bundle);
            }
        }
        for (Bundle resolved : operations.resolveWaiting(waiting)) {
            String failure = operations.start(resolved);
            records.replaceAll((name, r) -> r.bundleId() == resolved.getBundleId()
                    ? new FileRecord(r.fileName(), r.size(), r.modified(), r.sha256(), r.info(), r.bundleId(),
                            r.installedSha256(), failure, Instant.now())
                    : r);
            LOG.info("{} had been waiting and is now {}", resolved.getSymbolicName(), DeploymentView.stateName(resolved.getState()));
            records.values().stream().filter(r -> r.bundleId() == resolved.getBundleId()).findFirst()
                    .ifPresent(r -> events.updated(DeploymentView.of(r, context, scr, catalog.snapshot(), feeds())));
        }
    }

    /** At start: bundles from files that are gone are uninstalled, and every file is applied. */
    private void reconcile() {
        Set<String> files = listJars();
        for (Bundle bundle : context.getBundles()) {
            String location = bundle.getLocation();
            if (location.startsWith(BundleOperations.LOCATION_PREFIX)
                    && !files.contains(location.substring(BundleOperations.LOCATION_PREFIX.length()))) {
                try {
                    String fileName = location.substring(BundleOperations.LOCATION_PREFIX.length());
                    String symbolicName = bundle.getSymbolicName();
                    String version = bundle.getVersion().toString();
                    operations.uninstall(bundle);
                    installed.remove(fileName);
                    LOG.info("Uninstalled {}: its file is no longer in deploy/", symbolicName);
                    audit.removed(ChangeOrigin.DEPLOY_FOLDER, symbolicName, "version " + version + ", deploy/" + fileName
                            + " was deleted while the deployer was stopped");
                } catch (BundleException e) {
                    LOG.warn("Uninstalling {} failed: {}", bundle.getSymbolicName(), e.getMessage());
                }
            } else if (location.startsWith(BundleOperations.LOCATION_PREFIX)) {
                String fileName = location.substring(BundleOperations.LOCATION_PREFIX.length());
                // the content it was installed from, if known: an unchanged file then needs no update
                String sha = installed.get(fileName) == null ? "" : installed.get(fileName);
                records.put(fileName, new FileRecord(fileName, -1, -1, sha, new JarInspector.JarInfo(bundle.getSymbolicName(),
                        bundle.getVersion().toString(), bundle.getHeaders("").get(JarInspector.REGION_HEADER), sha, List.of()),
                        bundle.getBundleId(), sha, null, Instant.now()));
            }
        }
        // every file is checked again, unchanged ones too: the limits or the trust policy may have changed
        checkedTruststore = checks.trust().truststoreStamp();
        for (String fileName : files) {
            try {
                apply(fileName, false, ChangeOrigin.DEPLOY_FOLDER, true);
            } catch (IOException | RuntimeException e) {
                LOG.error("Applying deploy/{} failed", fileName, e);
            }
        }
        reconciled = true;
    }

    /** Checks every file again against the current settings and truststore. Worker thread only. */
    private void recheckAll(ChangeOrigin origin) {
        if (!reconciled) {
            return; // the start-up pass will check everything with the newest settings
        }
        checkedTruststore = checks.trust().truststoreStamp();
        Set<String> files = new TreeSet<>(listJars());
        files.addAll(records.keySet());
        for (String fileName : files) {
            try {
                apply(fileName, false, origin, true);
            } catch (IOException | RuntimeException e) {
                LOG.error("Checking deploy/{} again failed", fileName, e);
            }
        }
    }

    /** The safety net behind the watcher: anything whose size or time changed, appeared or vanished. */
    private void rescan() {
        if (!reconciled) {
            return; // the start-up pass, once the framework has started, applies every file; pilots wait for the core
        }
        if (!Objects.equals(checkedTruststore, checks.trust().truststoreStamp())) {
            LOG.info("The truststore changed; checking every JAR in {} again", folder);
            recheckAll(ChangeOrigin.SETTINGS);
        }
        Set<String> files = listJars();
        Set<String> seen = new HashSet<>();
        for (String fileName : files) {
            seen.add(fileName);
            FileRecord record = records.get(fileName);
            try {
                BasicFileAttributes attributes = Files.readAttributes(folder.resolve(fileName), BasicFileAttributes.class);
                if (record == null || record.size() != attributes.size()
                        || record.modified() != attributes.lastModifiedTime().toMillis()) {
                    changed(fileName);
                }
            } catch (IOException vanished) {
                changed(fileName);
            }
        }
        for (String known : records.keySet()) {
            if (!seen.contains(known)) {
                changed(known);
            }
        }
    }

    private Set<String> listJars() {
        try (Stream<Path> entries = Files.list(folder)) {
            Set<String> names = new HashSet<>();
            entries.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(DeployerService::isCandidate)
                    .forEach(names::add);
            return names;
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", folder, e.getMessage());
            return Set.copyOf(records.keySet());
        }
    }
}

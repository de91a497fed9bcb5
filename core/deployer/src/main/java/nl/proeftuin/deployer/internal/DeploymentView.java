package nl.proeftuin.deployer.internal;

import java.util.ArrayList;
import java.util.List;
import nl.proeftuin.deployer.Deployment;
import nl.proeftuin.deployer.DeploymentState;
import nl.proeftuin.feeds.FeedStatus;
import nl.proeftuin.registry.CatalogSnapshot;
import nl.proeftuin.registry.PilotStatus;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** Puts together, in words, what the framework, Declarative Services and the catalogue say about a deployment. */
final class DeploymentView {

    private DeploymentView() {
    }

    static Deployment of(FileRecord record, BundleContext context, ServiceComponentRuntime scr, CatalogSnapshot catalog,
            List<FeedStatus> feeds) {
        Bundle bundle = record.bundleId() >= 0 ? context.getBundle(record.bundleId()) : null;
        List<String> problems = new ArrayList<>();
        JarInspector.JarInfo info = record.info();
        if (record.invalid()) {
            problems.add("deploy/" + record.fileName() + " cannot be deployed: " + String.join(" ", info.problems()));
            if (bundle != null) {
                problems.add("The previous version " + bundle.getVersion() + " keeps running.");
            }
        }
        if (bundle == null) {
            return new Deployment(record.fileName(), info.symbolicName(), info.version(), -1, info.region(),
                    DeploymentState.INVALID, null, problems, 0, 0, 0, false, record.changedAt());
        }
        DeploymentState state = switch (bundle.getState()) {
            case Bundle.ACTIVE -> DeploymentState.RUNNING;
            // RESOLVED without a recorded start failure is a bundle between resolving and starting (while the deployer
            // starts it, or the framework updates or refreshes it); a failed start is recorded and turns it FAILED below
            case Bundle.STARTING, Bundle.STOPPING, Bundle.RESOLVED -> DeploymentState.STARTING;
            case Bundle.INSTALLED -> DeploymentState.WAITING;
            default -> DeploymentState.FAILED;
        };
        if (bundle.getState() == Bundle.INSTALLED) {
            problems.addAll(Requirements.unresolved(bundle, context));
        }
        if (record.startFailure() != null) {
            problems.add(record.startFailure());
            state = DeploymentState.FAILED;
        }
        boolean componentFailed = addComponentProblems(bundle, scr, problems);
        if (componentFailed && state == DeploymentState.RUNNING) {
            state = DeploymentState.FAILED;
        }
        int opgaven = 0;
        int kpis = 0;
        int screens = 0;
        boolean example = false;
        for (PilotStatus pilot : catalog.pilots()) {
            if (pilot.bundleId() != bundle.getBundleId()) {
                continue;
            }
            example |= pilot.exampleData();
            if (pilot.accepted()) {
                opgaven += pilot.opgaven();
                kpis += pilot.kpis();
                screens += pilot.screens();
            } else {
                problems.add("Its contribution was refused: " + String.join(" ", pilot.problems()));
                if (state == DeploymentState.RUNNING) {
                    state = DeploymentState.FAILED;
                }
            }
        }
        for (FeedStatus feed : feeds) {
            if (feed.bundleId() == bundle.getBundleId() && !feed.problems().isEmpty()) {
                problems.add("Its data feed has a problem: " + String.join(" ", feed.problems()));
            }
        }
        if (record.invalid() && state == DeploymentState.RUNNING) {
            state = DeploymentState.INVALID;
        }
        String region = record.invalid() ? bundle.getHeaders("").get(JarInspector.REGION_HEADER) : info.region();
        return new Deployment(record.fileName(), bundle.getSymbolicName(), bundle.getVersion().toString(),
                bundle.getBundleId(), region, state, stateName(bundle.getState()), problems, opgaven, kpis, screens,
                example, record.changedAt());
    }

    /** Adds a sentence per component that failed or waits; returns true when one failed. */
    private static boolean addComponentProblems(Bundle bundle, ServiceComponentRuntime scr, List<String> problems) {
        boolean failed = false;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                switch (configuration.state) {
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> {
                        failed = true;
                        problems.add("Component " + description.name + " failed to activate: " + firstLine(configuration.failure) + ".");
                    }
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> {
                        for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                            problems.add("Component " + description.name + " waits for a service " + interfaceOf(description, reference.name)
                                    + " (reference " + reference.name + ").");
                        }
                    }
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION ->
                            problems.add("Component " + description.name + " waits for its configuration.");
                    default -> {
                        // active or satisfied: nothing to say
                    }
                }
            }
        }
        return failed;
    }

    private static String interfaceOf(ComponentDescriptionDTO description, String referenceName) {
        for (var reference : description.references) {
            if (reference.name.equals(referenceName)) {
                return reference.interfaceName;
            }
        }
        return "";
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "no reason given";
        }
        String line = text.lines().findFirst().orElse(text).strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}

package nl.proeftuin.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import nl.proeftuin.deployer.Deployment;
import nl.proeftuin.deployer.DeploymentState;
import nl.proeftuin.registry.CatalogSnapshot;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** The word the API and the admin screen show for a deployment, from the framework's and DS's state. */
class DeploymentViewTest {

    private static final long ID = 42;

    @Test
    void aBundleBetweenResolvingAndStartingIsStartingNotFailed() {
        Deployment view = view(Bundle.RESOLVED, null, List.of());

        assertThat(view.state()).isEqualTo(DeploymentState.STARTING);
        assertThat(view.problems()).isEmpty();
        assertThat(view.bundleState()).isEqualTo("RESOLVED");
    }

    @Test
    void aBundleWhoseStartFailedIsFailedWithTheReason() {
        String failure = "The bundle's activator failed: java.lang.IllegalStateException: no.";

        Deployment view = view(Bundle.RESOLVED, failure, List.of());

        assertThat(view.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(view.problems()).containsExactly(failure);
    }

    @Test
    void anActiveBundleWithAComponentThatFailedToActivateIsFailedNamingIt() {
        ComponentConfigurationDTO failed = new ComponentConfigurationDTO();
        failed.state = ComponentConfigurationDTO.FAILED_ACTIVATION;
        failed.failure = "java.lang.IllegalStateException: refuses\n\tat somewhere";

        Deployment view = view(Bundle.ACTIVE, null, List.of(failed));

        assertThat(view.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(view.problems()).containsExactly(
                "Component fixture.component failed to activate: java.lang.IllegalStateException: refuses.");
    }

    @Test
    void anActiveBundleWithoutProblemsIsRunning() {
        Deployment view = view(Bundle.ACTIVE, null, List.of());

        assertThat(view.state()).isEqualTo(DeploymentState.RUNNING);
        assertThat(view.problems()).isEmpty();
    }

    private static Deployment view(int bundleState, String startFailure, List<ComponentConfigurationDTO> configurations) {
        Bundle bundle = fake(Bundle.class, (method, args) -> switch (method) {
            case "getState" -> bundleState;
            case "getBundleId" -> ID;
            case "getSymbolicName" -> "fixture.pilot";
            case "getVersion" -> new Version(1, 0, 0);
            case "getHeaders" -> new Hashtable<String, String>();
            default -> throw new AssertionError("unexpected Bundle." + method);
        });
        BundleContext context = fake(BundleContext.class, (method, args) -> {
            if (method.equals("getBundle") && (long) args[0] == ID) {
                return bundle;
            }
            throw new AssertionError("unexpected BundleContext." + method);
        });
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = "fixture.component";
        ServiceComponentRuntime scr = fake(ServiceComponentRuntime.class, (method, args) -> switch (method) {
            case "getComponentDescriptionDTOs" -> configurations.isEmpty() ? List.of() : List.of(description);
            case "getComponentConfigurationDTOs" -> configurations;
            default -> throw new AssertionError("unexpected ServiceComponentRuntime." + method);
        });
        CatalogSnapshot catalog = fake(CatalogSnapshot.class, (method, args) -> switch (method) {
            case "pilots" -> List.of();
            default -> throw new AssertionError("unexpected CatalogSnapshot." + method);
        });
        JarInspector.JarInfo info = new JarInspector.JarInfo("fixture.pilot", "1.0.0", "fixture", "sha", List.of());
        FileRecord record = new FileRecord("fixture.jar", 1, 1, "sha", info, ID, "sha", startFailure, Instant.now());
        return DeploymentView.of(record, context, scr, catalog, List.of());
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T fake(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(DeploymentViewTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }
}

package nl.proeftuin.registry.internal;

import static nl.proeftuin.registry.internal.FakeOsgi.bundle;
import static nl.proeftuin.registry.internal.FakeOsgi.reference;
import static nl.proeftuin.registry.internal.Pilots.validFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.pilot.Pilot;
import nl.proeftuin.registry.PilotStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

class PilotRegistryTest {

    private final Set<Long> uninstalled = new HashSet<>();
    private final PilotRegistry registry = new PilotRegistry(FakeOsgi.context(uninstalled), FakeOsgi.config(1));

    @AfterEach
    void stopRegistry() {
        registry.deactivate();
    }

    private static ServiceReference<Pilot> pilotOf(long bundleId, String symbolicName, String declaredRegion) {
        return reference(bundle(bundleId, symbolicName, declaredRegion), bundleId * 100);
    }

    private PilotStatus onlyStatus() {
        assertThat(registry.snapshot().pilots()).hasSize(1);
        return registry.snapshot().pilots().get(0);
    }

    private PilotStatus statusOf(String symbolicName) {
        return registry.snapshot().pilots().stream()
                .filter(status -> status.symbolicName().equals(symbolicName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no status for " + symbolicName));
    }

    @Test
    void startsWithAnEmptyCatalogueAtRevisionZero() {
        assertThat(registry.snapshot().revision()).isZero();
        assertThat(registry.snapshot().pilots()).isEmpty();
    }

    @Test
    void acceptsAWellBehavedPilotWithTheDetailsOfItsBundle() {
        registry.addPilot(() -> validFor("zeeland").build(), pilotOf(7, "nl.zeeland.pilot", "zeeland"));

        PilotStatus status = onlyStatus();
        assertThat(status.accepted()).isTrue();
        assertThat(status.bundleId()).isEqualTo(7);
        assertThat(status.version()).isEqualTo(Pilots.VERSION);
        assertThat(status.declaredRegion()).isEqualTo("zeeland");
        assertThat(registry.snapshot().region("zeeland")).isPresent();
        assertThat(registry.snapshot().revision()).isEqualTo(1);
    }

    @Test
    void refusesAPilotWhoseContributionThrowsWithTheValidationMessage() {
        String message = "Kpi.id: \"Homes\" is not a slug";

        registry.addPilot(() -> {
            throw new IllegalArgumentException(message);
        }, pilotOf(7, "nl.zeeland.pilot", "zeeland"));

        PilotStatus status = onlyStatus();
        assertThat(status.accepted()).isFalse();
        assertThat(status.problems()).singleElement().asString().contains(message);
    }

    @Test
    void refusesAPilotThatThrowsAnythingElseNamingTheExceptionType() {
        registry.addPilot(() -> {
            throw new IllegalStateException("configuratie ontbreekt");
        }, pilotOf(7, "nl.zeeland.pilot", "zeeland"));

        assertThat(onlyStatus().problems()).singleElement().asString()
                .contains("java.lang.IllegalStateException: configuratie ontbreekt");
    }

    @Test
    void refusesAPilotThatReturnsNull() {
        registry.addPilot(() -> null, pilotOf(7, "nl.zeeland.pilot", "zeeland"));

        assertThat(onlyStatus().problems()).singleElement().asString().contains("returned null");
    }

    @Test
    void refusesAPilotThatHangsAfterTheTimeoutAndInterruptsIt() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        Pilot hanging = () -> {
            try {
                Thread.sleep(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return validFor("zeeland").build();
        };

        long start = System.nanoTime();
        registry.addPilot(hanging, pilotOf(7, "nl.zeeland.pilot", "zeeland"));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(waited).isLessThan(Duration.ofSeconds(3));
        assertThat(onlyStatus().accepted()).isFalse();
        assertThat(onlyStatus().problems()).singleElement().asString().contains("did not return within 1 s");
        assertThat(interrupted.await(1, TimeUnit.SECONDS)).as("the hanging call is interrupted").isTrue();
    }

    @Test
    void acceptsTheRefusedPilotOnceTheHolderIsRemoved() {
        ServiceReference<Pilot> holder = pilotOf(1, "nl.zeeland.pilot", "zeeland");
        registry.addPilot(() -> validFor("zeeland").build(), holder);
        registry.addPilot(() -> validFor("zeeland").build(), pilotOf(2, "nl.zeeland.kopie", "zeeland"));
        assertThat(statusOf("nl.zeeland.kopie").accepted()).isFalse();

        registry.removePilot(holder);

        assertThat(registry.snapshot().pilots()).extracting(PilotStatus::symbolicName)
                .containsExactly("nl.zeeland.kopie");
        assertThat(statusOf("nl.zeeland.kopie").accepted()).isTrue();
        assertThat(registry.snapshot().revision()).isEqualTo(3);
    }

    @Test
    void replacesTheContributionWhenThePilotIsUpdated() {
        ServiceReference<Pilot> reference = pilotOf(7, "nl.zeeland.pilot", "zeeland");
        registry.addPilot(() -> validFor("brabant").build(), reference);
        assertThat(onlyStatus().accepted()).isFalse();

        registry.updatedPilot(() -> validFor("zeeland").build(), reference);

        assertThat(onlyStatus().accepted()).isTrue();
        assertThat(registry.snapshot().regions()).extracting(Region::id).containsExactly("zeeland");
    }

    @Test
    void keepsAcceptingOtherPilotsAfterOneFailed() {
        registry.addPilot(() -> {
            throw new IllegalArgumentException("Opgave.title: null (a value is required)");
        }, pilotOf(1, "nl.brabant.pilot", "brabant"));

        registry.addPilot(() -> validFor("zeeland").build(), pilotOf(2, "nl.zeeland.pilot", "zeeland"));

        assertThat(statusOf("nl.brabant.pilot").accepted()).isFalse();
        assertThat(statusOf("nl.zeeland.pilot").accepted()).isTrue();
    }

    @Test
    void aPilotThatHoldsARegionKeepsItWhenAnEarlierInstalledRefusedPilotBecomesValid() {
        ServiceReference<Pilot> brokenFirst = pilotOf(10, "nl.first", "zeeland");
        ServiceReference<Pilot> holder = pilotOf(11, "nl.second", "zeeland");
        registry.addPilot(() -> { throw new IllegalArgumentException("Kpi.id: \"X\" is not a slug"); }, brokenFirst);
        registry.addPilot(() -> validFor("zeeland").build(), holder);
        assertThat(statusOf("nl.second").accepted()).isTrue();

        // bundle 10 is updated in place (same bundle id) and is now valid: it must not take the region away
        registry.removePilot(brokenFirst);
        registry.addPilot(() -> validFor("zeeland").build(), brokenFirst);

        assertThat(statusOf("nl.second").accepted()).isTrue();
        assertThat(statusOf("nl.first").accepted()).isFalse();
        assertThat(statusOf("nl.first").problems()).anySatisfy(p -> assertThat(p).contains("nl.second"));
    }

    @Test
    void theHolderKeepsItsRegionAcrossItsOwnUpdate() {
        ServiceReference<Pilot> holder = pilotOf(11, "nl.holder", "zeeland");
        ServiceReference<Pilot> competitor = pilotOf(10, "nl.competitor", "zeeland");
        registry.addPilot(() -> validFor("zeeland").build(), holder);
        registry.addPilot(() -> validFor("zeeland").build(), competitor);
        assertThat(statusOf("nl.competitor").accepted()).isFalse();

        registry.removePilot(holder); // the update unregisters the service for a moment
        registry.addPilot(() -> validFor("zeeland").build(), holder);

        assertThat(statusOf("nl.holder").accepted()).isTrue();
        assertThat(statusOf("nl.competitor").accepted()).isFalse();
    }

    @Test
    void anUninstalledHolderLosesItsSeniority() {
        ServiceReference<Pilot> holder = pilotOf(11, "nl.holder", "zeeland");
        ServiceReference<Pilot> competitor = pilotOf(10, "nl.competitor", "zeeland");
        registry.addPilot(() -> validFor("zeeland").build(), holder);
        registry.addPilot(() -> validFor("zeeland").build(), competitor);
        registry.removePilot(holder);
        uninstalled.add(11L);
        registry.removePilot(competitor);
        registry.addPilot(() -> validFor("zeeland").build(), competitor);

        assertThat(onlyStatus().symbolicName()).isEqualTo("nl.competitor");
        assertThat(onlyStatus().accepted()).isTrue();
    }
}

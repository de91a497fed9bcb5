package nl.proeftuin.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.model.RegionKind;
import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.pilot.Pilot;
import nl.proeftuin.registry.Catalog;
import nl.proeftuin.registry.CatalogSnapshot;
import nl.proeftuin.registry.PilotStatus;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** A pilot's contribution, registered as a service, reaches the core's catalogue; a bad one is refused visibly. */
class ContributionTest {

    @InjectService(timeout = 10_000)
    Catalog catalog;

    @InjectBundleContext
    BundleContext context;

    @Test
    void testPilotBundleContributionIsInTheCatalogue() {
        CatalogSnapshot snapshot = await(s -> s.region("testland").isPresent());

        assertThat(snapshot.region("testland")).map(Region::name).contains("Testland");
        assertThat(snapshot.opgave("testland-warmte")).isPresent();
        assertThat(snapshot.kpi("testland-woningen-aardgasvrij")).hasValueSatisfying(kpi -> {
            assertThat(kpi.standardCode()).isEqualTo("woningen-aardgasvrij");
            assertThat(kpi.finalTarget().value()).isEqualTo(5000);
        });
        assertThat(snapshot.screens("testland")).hasSize(1);
        assertThat(snapshot.pilots()).filteredOn(p -> "nl.proeftuin.itest.pilot".equals(p.symbolicName()))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.accepted()).isTrue();
                    assertThat(p.declaredRegion()).isEqualTo("testland");
                    assertThat(p.kpis()).isEqualTo(1);
                });
    }

    @Test
    void pilotFromABundleWithoutRegionHeaderIsRefusedWithAReason() {
        // the tests bundle declares no Proeftuin-Region, so whatever it registers must be refused
        Pilot stray = () -> new Contribution(new Region("nergensland", "Nergensland", RegionKind.REGIO, List.of()),
                List.of(), List.of(), List.of());
        ServiceRegistration<Pilot> registration = context.registerService(Pilot.class, stray, null);
        try {
            CatalogSnapshot snapshot = await(s -> statusOf(s, registration).isPresent());
            PilotStatus status = statusOf(snapshot, registration).orElseThrow();
            assertThat(status.accepted()).isFalse();
            assertThat(status.problems()).anySatisfy(p -> assertThat(p).contains("Proeftuin-Region"));
            assertThat(snapshot.region("nergensland")).isEmpty();
            assertThat(snapshot.region("testland")).as("other pilots are unaffected").isPresent();
        } finally {
            registration.unregister();
        }
        assertThat(await(s -> statusOf(s, registration).isEmpty()).pilots())
                .noneMatch(p -> p.symbolicName().equals(context.getBundle().getSymbolicName()));
    }

    private Optional<PilotStatus> statusOf(CatalogSnapshot snapshot, ServiceRegistration<Pilot> registration) {
        long bundleId = context.getBundle().getBundleId();
        return snapshot.pilots().stream().filter(p -> p.bundleId() == bundleId).findFirst();
    }

    private CatalogSnapshot await(Predicate<CatalogSnapshot> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        CatalogSnapshot snapshot = catalog.snapshot();
        while (!condition.test(snapshot) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            snapshot = catalog.snapshot();
        }
        return snapshot;
    }
}

package nl.proeftuin.itest.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.Await;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.FixtureJars;
import nl.proeftuin.itest.support.Ids;
import nl.proeftuin.security.AuditEntry;
import nl.proeftuin.security.AuditLog;
import nl.proeftuin.security.AuditQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * What changes in {@code deploy/} by hand (a JAR dropped, replaced, deleted or refused) is in the audit log as done
 * by the platform itself ({@value AuditLog#SYSTEM}); what arrives through the upload API is there once, with the user
 * who did it, and never a second time as the system.
 */
class DeployFolderAuditTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    AuditLog auditLog;

    Api api;
    DeployFolder deploy;

    @BeforeEach
    void connect() {
        api = Api.connect(context);
        deploy = DeployFolder.of(context, api);
    }

    @AfterEach
    void removeWhatWasDeployed() {
        deploy.removeAll();
    }

    @Test
    void jarDroppedReplacedAndDeletedByHandIsAuditedAsTheSystem() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("audited"));

        deploy.drop(pilot);
        api.awaitState(pilot.fileName(), "RUNNING");
        AuditEntry deployed = awaitEntry(AuditLog.BUNDLE_DEPLOY, pilot.symbolicName());
        assertThat(deployed.actor()).isEqualTo(AuditLog.SYSTEM);
        assertThat(deployed.detail()).contains("version 1.0.0").contains("region " + pilot.regionId())
                .contains("deploy/" + pilot.fileName());

        deploy.drop(pilot.fileName(), FixtureJars.pilot(pilot.regionId()).version("1.1.0").build());
        api.awaitDeployment(pilot.fileName(), "at version 1.1.0", d -> d.path("version").asText().equals("1.1.0"));
        AuditEntry updated = awaitEntry(AuditLog.BUNDLE_UPDATE, pilot.symbolicName());
        assertThat(updated.actor()).isEqualTo(AuditLog.SYSTEM);
        assertThat(updated.detail()).contains("version 1.1.0");

        deploy.delete(pilot.fileName());
        api.awaitGone(pilot.fileName());
        AuditEntry removed = awaitEntry(AuditLog.BUNDLE_REMOVE, pilot.symbolicName());
        assertThat(removed.actor()).isEqualTo(AuditLog.SYSTEM);
        assertThat(removed.detail()).contains("deploy/" + pilot.fileName() + " was deleted");
    }

    @Test
    void jarRefusedFromTheDeployFolderIsAuditedAsTheSystemWithTheReason() {
        String fileName = Ids.unique("refused-by-hand") + ".jar";

        deploy.drop(fileName, JarEdits.with(FixtureJars.pilot(Ids.unique("slip")).build(), "../../evil",
                "evil".getBytes(StandardCharsets.UTF_8)));
        api.awaitState(fileName, "INVALID");

        AuditEntry refused = awaitEntry(AuditLog.BUNDLE_REFUSED, "deploy/" + fileName);
        assertThat(refused.actor()).isEqualTo(AuditLog.SYSTEM);
        assertThat(refused.detail()).contains("zip slip").contains("../../evil");
    }

    @Test
    void uploadAndDeleteThroughTheApiAreAuditedOnceWithTheUserNotAsTheSystem() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("uploaded"));
        deploy.track(pilot.fileName());

        assertThat(api.post("/api/v1/bundles", "application/java-archive", pilot.build()).status()).isEqualTo(201);
        assertThat(api.delete("/api/v1/bundles/" + pilot.symbolicName()).status()).isEqualTo(204);

        // the deployer works through its changes in order: once a pilot dropped now runs, it has seen the upload's
        // file appear in deploy/ and disappear again
        FixtureJars.Builder marker = FixtureJars.pilot(Ids.unique("marker"));
        deploy.drop(marker);
        api.awaitState(marker.fileName(), "RUNNING");
        awaitEntry(AuditLog.BUNDLE_DEPLOY, marker.symbolicName());

        List<AuditEntry> aboutTheUpload = entriesAbout(pilot.symbolicName());
        assertThat(aboutTheUpload).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder(AuditLog.BUNDLE_DEPLOY, AuditLog.BUNDLE_REMOVE);
        assertThat(aboutTheUpload).extracting(AuditEntry::actor).containsOnly("admin");
    }

    private AuditEntry awaitEntry(String action, String target) {
        return Await.await(action + " of " + target + " in the audit log", () -> entriesAbout(target).stream()
                .filter(e -> e.action().equals(action)).findFirst(), found -> found.isPresent()).orElseThrow();
    }

    private List<AuditEntry> entriesAbout(String target) {
        return auditLog.entries(AuditQuery.newest(AuditQuery.MAX_LIMIT)).stream()
                .filter(e -> e.target().equals(target)).toList();
    }
}

package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.pilot.Pilot;
import org.junit.jupiter.api.Test;

class RegionalPilotTest {

    @Test
    void contributionBuilds() {
        assertThatCode(() -> new RegionalPilot().contribution()).doesNotThrowAnyException();
    }

    @Test
    void regionIsTheOneTheManifestDeclares() throws IOException {
        Properties bnd = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("bnd.bnd"), StandardCharsets.UTF_8)) {
            bnd.load(reader);
        }
        assertThat(bnd.getProperty(Pilot.REGION_HEADER)).isEqualTo(RegionalPilot.REGION_ID)
                .isEqualTo(new RegionalPilot().contribution().region().id());
    }

    @Test
    void everyKpiMeasuresAnOpgaveOfThisPilotAndEveryIdStartsWithTheRegion() {
        Contribution contribution = new RegionalPilot().contribution();
        assertThat(contribution.kpis()).extracting(Kpi::opgaveId)
                .allMatch(id -> contribution.opgaven().stream().map(Opgave::id).anyMatch(id::equals));
        assertThat(contribution.opgaven()).extracting(Opgave::id).allMatch(id -> id.startsWith(RegionalPilot.REGION_ID + "-"));
        assertThat(contribution.kpis()).extracting(Kpi::id).allMatch(id -> id.startsWith(RegionalPilot.REGION_ID + "-"));
    }
}

package nl.proeftuin.web.internal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.proeftuin.api.model.RegionKind;
import nl.proeftuin.progress.RollUpProgress;
import nl.proeftuin.progress.Status;
import nl.proeftuin.progress.Summary;

/**
 * Everything the combined dashboard needs, in one answer ({@code GET /api/v1/overview}).
 *
 * @param generatedAt when it was computed
 * @param today the date progress was computed for
 * @param catalogRevision the catalogue's revision it reflects
 * @param regions every region with its status counts
 * @param kpis every KPI with its progress
 * @param rollUps national roll-ups per standard indicator code
 * @param rollUpProblems standard codes that could not be rolled up, and why
 * @param themes status counts per theme
 * @param lessons how many lessons there are
 */
public record Overview(Instant generatedAt, LocalDate today, long catalogRevision, List<RegionSummary> regions,
        List<KpiView> kpis, List<RollUpProgress> rollUps, List<String> rollUpProblems, List<Summary> themes, int lessons) {

    /**
     * A region on the dashboard.
     *
     * @param id the region id
     * @param name its name
     * @param kind its kind
     * @param cbsCodes its CBS codes
     * @param exampleData true when its pilot marks its data as illustrative
     * @param opgaven how many opgaven it has
     * @param kpis how many KPIs it has
     * @param status the worst status of its KPIs that have data, or NO_DATA
     * @param statusCounts how many of its KPIs have each status
     */
    public record RegionSummary(String id, String name, RegionKind kind, List<String> cbsCodes, boolean exampleData,
            int opgaven, int kpis, Status status, Summary statusCounts) {
    }
}

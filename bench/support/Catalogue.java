package nl.proeftuin.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated catalogue's KPIs and their data: monthly measurements loaded through the CSV API, one request per
 * KPI, as a regional team would upload them.
 *
 * <p>Stateless; may be called from any thread.
 */
public final class Catalogue {

    private static final Pattern INSERTED = Pattern.compile("\"inserted\":(\\d+)");

    private Catalogue() {
    }

    /**
     * The KPI ids of generated pilots {@code 1..pilots}.
     *
     * @param pilots how many pilots
     * @param kpisPerPilot KPIs per pilot
     * @return the ids, pilot by pilot
     */
    public static List<String> kpiIds(int pilots, int kpisPerPilot) {
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= pilots; n++) {
            ids.addAll(Pilots.kpiIds(Pilots.region(n), kpisPerPilot));
        }
        return ids;
    }

    /**
     * Posts {@code months} monthly values for every KPI as CSV, a few requests at a time.
     *
     * @param http the platform
     * @param kpiIds the KPIs
     * @param months values per KPI
     * @param clients concurrent requests
     * @return the rows the platform reported inserted (checked to be all of them)
     * @throws IOException if a request fails or fewer rows were inserted than sent
     */
    public static long loadMonthly(Http http, List<String> kpiIds, int months, int clients) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Long>> inserted = new ArrayList<>();
            for (int i = 0; i < kpiIds.size(); i++) {
                String kpi = kpiIds.get(i);
                byte[] csv = Pilots.monthlyCsv(months, i);
                inserted.add(pool.submit(() -> inserted(http.postOk("/api/v1/kpis/" + kpi + "/measurements", "text/csv",
                        csv).text())));
            }
            long total = 0;
            for (Future<Long> f : inserted) {
                total += f.get();
            }
            if (total != (long) months * kpiIds.size()) {
                throw new IOException("the platform inserted " + total + " measurements, expected "
                        + (long) months * kpiIds.size());
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("loading measurements failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The {@code inserted} count of an answer to a CSV import.
     *
     * @param answer the JSON answer
     * @return the count
     * @throws IOException if the answer has none
     */
    public static long inserted(String answer) throws IOException {
        Matcher m = INSERTED.matcher(answer);
        if (!m.find()) {
            throw new IOException("unexpected answer to a CSV import: " + answer);
        }
        return Long.parseLong(m.group(1));
    }
}

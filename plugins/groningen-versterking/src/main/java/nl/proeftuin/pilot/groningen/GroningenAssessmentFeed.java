package nl.proeftuin.pilot.groningen;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.pilot.DataFeed;
import org.osgi.service.component.annotations.Component;

/**
 * An example of a data feed: delivers the KPI "woningen opgenomen en beoordeeld" month by month.
 *
 * <p>This feed reads a CSV shipped inside the bundle ({@value #RESOURCE}) with the number of homes
 * assessed per month: example data (<em>voorbeelddata</em>) that runs on into months still to
 * come. To behave like a real source that publishes a month once it is over, it hands out only the
 * months whose last day has been reached: each call returns the months whose period (the last day
 * of the month) lies after the day of {@code since} and not after today (both in Dutch time), as a
 * running total from {@link GroningenKpis#BEOORDEELD_BASELINE}. As the core calls it on its
 * schedule, new months appear as time passes, each exactly once.
 *
 * <p>A real feed would fetch the same figures from the source instead of from the bundle: for
 * example the open data of the progress reports of the Nationaal Coördinator Groningen (NCG) or an
 * export of its progress registration over HTTPS, with a connection and read timeout shorter than
 * the core's and honouring thread interruption. Reading a small resource from the bundle needs
 * neither.
 */
@Component(service = DataFeed.class)
public class GroningenAssessmentFeed implements DataFeed {

    /** The CSV in the bundle. */
    static final String RESOURCE = "/data/beoordelingen-per-maand.csv";
    /** The time zone in which a month's last day counts as reached. */
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** The source stated on every measurement. */
    static final String SOURCE = "Voorbeelddata Proeftuin Groningen (datafeed, CSV in de bundel)";

    private final Clock clock;

    /** Creates the feed on the system clock, in Dutch time; used by Declarative Services. */
    public GroningenAssessmentFeed() {
        this(Clock.system(ZONE));
    }

    /**
     * Creates the feed on a given clock, so that tests can set "today".
     *
     * @param clock the clock that says what today is; its zone is used for {@code since} too
     */
    GroningenAssessmentFeed(Clock clock) {
        this.clock = clock;
    }

    /**
     * The one KPI this feed delivers.
     *
     * @return the id of "woningen opgenomen en beoordeeld"
     */
    @Override
    public Set<String> kpiIds() {
        return Set.of(GroningenKpis.WONINGEN_BEOORDEELD);
    }

    /**
     * Every six hours: the figures are monthly, so a new month shows up the same day it ends.
     *
     * @return six hours
     */
    @Override
    public Duration interval() {
        return Duration.ofHours(6);
    }

    /**
     * Returns the months reached since the last successful fetch.
     *
     * @param since the start of the last successful fetch, or {@code null} for every month reached
     *     so far
     * @return per month after the day of {@code since} and not after today, the running total of
     *     homes assessed at the end of that month; empty when no month ended in between
     * @throws IOException if the CSV is missing from the bundle or cannot be parsed
     */
    @Override
    public List<Measurement> fetch(Instant since) throws IOException {
        LocalDate today = LocalDate.now(clock);
        LocalDate after = since == null ? null : LocalDate.ofInstant(since, clock.getZone());
        List<Measurement> measurements = new ArrayList<>();
        double total = GroningenKpis.BEOORDEELD_BASELINE.value();
        for (MonthlyCounts.MonthlyCount count : read()) {
            total += count.homes();
            LocalDate period = count.month().atEndOfMonth();
            if (period.isAfter(today)) {
                break; // the months are in order: the rest lies in the future too
            }
            if (after == null || period.isAfter(after)) {
                measurements.add(new Measurement(GroningenKpis.WONINGEN_BEOORDEELD, period, total, SOURCE));
            }
        }
        return measurements;
    }

    private List<MonthlyCounts.MonthlyCount> read() throws IOException {
        try (InputStream in = GroningenAssessmentFeed.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the bundle");
            }
            return MonthlyCounts.parse(in, RESOURCE);
        }
    }
}

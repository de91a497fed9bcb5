package nl.proeftuin.api.pilot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.proeftuin.api.model.Measurement;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An optional service a pilot bundle registers to deliver measurements from an external source
 * (an open-data API, a spreadsheet on a server) on a schedule. The core polls it on its own
 * threads and stores what it returns; a bundle may register several feeds.
 *
 * <p>The core reads {@link #kpiIds()} and {@link #interval()} when the service appears; both
 * must return at once, without I/O, and should not change during the registration.
 */
@ConsumerType
public interface DataFeed {

    /**
     * The KPIs this feed delivers values for. Only KPIs of the pilot's own region are accepted;
     * the core discards (and reports) measurements for any KPI not in this set.
     *
     * @return the {@link nl.proeftuin.api.model.Kpi#id() ids} of the KPIs, never {@code null}
     */
    Set<String> kpiIds();

    /**
     * How often the core calls {@link #fetch(Instant)}. The core enforces a minimum of one
     * minute: a shorter interval counts as one minute.
     *
     * @return the interval, positive, never {@code null}
     */
    Duration interval();

    /**
     * Fetches the measurements that are new or changed since the last successful fetch.
     *
     * <p>Threading and failure: the core calls this on one of its scheduler threads, never
     * concurrently with itself, with a timeout set by the core. A call that does not return
     * within the timeout is abandoned (its thread is interrupted and its result, if any,
     * ignored) and reported in the admin screen; the feed should therefore honour thread
     * interruption and use timeouts on its own connections. If the call throws, the exception is
     * reported in the admin screen and the feed is called again at the next interval, with the
     * same {@code since}.
     *
     * @param since the time the last successful fetch started, or {@code null} on the first
     *     call (fetch what history is available)
     * @return the measurements, each with {@code recordedBy} and {@code recordedAt} {@code null}
     *     (the core stamps them); never {@code null}, may be empty
     * @throws Exception if the source cannot be read; reported, and retried at the next interval
     */
    List<Measurement> fetch(Instant since) throws Exception;
}

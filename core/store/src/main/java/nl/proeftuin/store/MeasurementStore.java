package nl.proeftuin.store;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import nl.proeftuin.api.model.Measurement;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The measured values of all KPIs, as an OSGi service of the store bundle.
 *
 * <p>For each (KPI, period) the store keeps one current value; recording a new value for the same
 * pair replaces it and moves the old one to a history table, so nothing is ever lost. Removing a
 * pilot does not touch its measurements.
 *
 * <p>Thread-safety: every method may be called from any thread; each call is one transaction,
 * so a call that throws has changed nothing, and a reader sees either all or none of what a
 * concurrent {@code record} call stores.
 */
@ProviderType
public interface MeasurementStore {

    /**
     * Stores measurements, all or nothing, in one transaction.
     *
     * <p>A measurement whose {@link Measurement#recordedBy() recordedBy} and
     * {@link Measurement#recordedAt() recordedAt} are {@code null} is stamped with
     * {@code recordedBy} and the current time (one instant for the whole call); one that has
     * them keeps its own. Times are stored with microsecond precision. A value for a (KPI,
     * period) that already has one replaces it, and the replaced value is kept in the history.
     * If the list names the same (KPI, period) more than once, the last one wins and the earlier
     * ones go to the history.
     *
     * <p>May be called from any thread; each call is one transaction.
     *
     * @param measurements the values to store, in any order; may be empty (nothing happens)
     * @param recordedBy who records them (a user name, or a feed or bundle name), for the
     *     measurements that carry no {@code recordedBy} of their own; non-blank
     * @return how many values were inserted and how many replaced
     * @throws NullPointerException if an argument or an element is {@code null}
     * @throws IllegalArgumentException if {@code recordedBy} is blank
     * @throws StoreException if the database rejects the values or cannot be reached; nothing
     *     was stored
     */
    RecordResult record(List<Measurement> measurements, String recordedBy);

    /**
     * The current values of one KPI within a range of periods.
     *
     * <p>May be called from any thread; each call is one transaction.
     *
     * @param kpiId the KPI's id
     * @param from the first period to include, or {@code null} for no lower bound
     * @param to the last period to include, or {@code null} for no upper bound
     * @return the values ordered by period, oldest first; empty if there are none; unmodifiable
     * @throws NullPointerException if {@code kpiId} is {@code null}
     * @throws IllegalArgumentException if {@code from} is after {@code to}
     * @throws StoreException if the database cannot be read
     */
    List<Measurement> measurements(String kpiId, LocalDate from, LocalDate to);

    /**
     * The current values of many KPIs at once, as needed for the dashboard overview and the
     * progress calculation, read in one query (or one per thousand KPIs) instead of one per KPI.
     *
     * <p>May be called from any thread; each call is one transaction, so all lists come from the
     * same moment.
     *
     * @param kpiIds the KPIs' ids; duplicates are ignored
     * @return an unmodifiable map with exactly the requested ids as keys, in the order first
     *     given; each value is the KPI's values ordered by period (oldest first), or an empty
     *     list if it has none
     * @throws NullPointerException if {@code kpiIds} or an element is {@code null}
     * @throws StoreException if the database cannot be read
     */
    Map<String, List<Measurement>> measurements(Collection<String> kpiIds);

    /**
     * Imports data shipped in a bundle exactly once across all platform nodes and restarts.
     *
     * <p>In one transaction: if {@code importKey} was never imported, records the measurements as
     * {@link #record(List, String)} does, remembers the key and returns {@code true}; otherwise
     * does nothing and returns {@code false}. When several nodes import the same key at the same
     * time, the database's unique key decides: exactly one stores the data and returns
     * {@code true}, the others return {@code false}.
     *
     * <p>May be called from any thread; each call is one transaction.
     *
     * @param importKey identifies the data, e.g. {@code "nl.pilot.zeeland/initial/<sha256>"} so
     *     that changed data is imported again under a new key; non-blank, at most 500 characters
     * @param measurements the values to store; may be empty (only the key is remembered)
     * @param recordedBy who records them, for measurements without a {@code recordedBy} of their
     *     own; non-blank
     * @return {@code true} if this call imported the data, {@code false} if the key was already
     *     imported
     * @throws NullPointerException if an argument or an element is {@code null}
     * @throws IllegalArgumentException if {@code importKey} or {@code recordedBy} is blank, or
     *     {@code importKey} is too long
     * @throws StoreException if the database rejects the values or cannot be reached; nothing
     *     was stored and the key is not remembered
     */
    boolean importOnce(String importKey, List<Measurement> measurements, String recordedBy);

    /**
     * The number of current values (one per KPI and period; history not included), for health
     * checks and metrics.
     *
     * <p>May be called from any thread; each call is one transaction.
     *
     * @return the number of current measurements, zero or more
     * @throws StoreException if the database cannot be read
     */
    long count();
}

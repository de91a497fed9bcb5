package nl.proeftuin.security.internal;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import nl.proeftuin.security.AuditEntry;
import nl.proeftuin.security.AuditLog;
import nl.proeftuin.security.AuditQuery;
import nl.proeftuin.store.AuditRow;
import nl.proeftuin.store.AuditStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AuditLog} in the store's database, shared by all platform nodes.
 *
 * <p>Thread-safety: may be called from any thread; each call is one transaction.
 */
@Component(service = AuditLog.class)
public final class StoreAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(StoreAuditLog.class);

    private final AuditStore store;
    private final Clock clock;

    /**
     * The component.
     *
     * @param store where the lines are kept
     */
    @Activate
    public StoreAuditLog(@Reference(name = "store") AuditStore store) {
        this(store, Clock.systemUTC());
    }

    /**
     * For tests.
     *
     * @param store where the lines are kept
     * @param clock the time lines are stamped with
     */
    StoreAuditLog(AuditStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void record(String actor, String action, String target, String detail) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(detail, "detail");
        try {
            store.append(clock.instant(), actor, action, target, detail);
        } catch (RuntimeException e) {
            // the action this line describes has taken effect: losing the line must not undo
            // that for the caller, so the whole line goes to the log instead
            LOG.error("Could not write to the audit log: actor={} action={} target={} detail={}",
                    LogText.quote(actor), LogText.quote(action), LogText.quote(target),
                    LogText.quote(detail), e);
        }
    }

    @Override
    public List<AuditEntry> entries(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        return store.auditEntries(query.limit(), query.before(), query.actor(), query.action())
                .stream().map(StoreAuditLog::entry).toList();
    }

    private static AuditEntry entry(AuditRow row) {
        return new AuditEntry(row.id(), row.at(), row.actor(), row.action(), row.target(), row.detail());
    }
}

package nl.proeftuin.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.proeftuin.security.AuditEntry;
import nl.proeftuin.security.AuditLog;
import nl.proeftuin.security.AuditQuery;
import nl.proeftuin.store.AuditStore;
import nl.proeftuin.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class StoreAuditLogTest {

    @TempDir
    Path data;

    @Test
    void readsLinesNewestFirstWithFiltersAndPages() {
        Fixture f = new Fixture(data);
        Instant start = f.clock.instant();
        for (int i = 0; i < 5; i++) {
            f.audit.record(i % 2 == 0 ? "anna" : AuditLog.SYSTEM,
                    i < 2 ? AuditLog.BUNDLE_DEPLOY : AuditLog.MEASUREMENTS_RECORD, "target-" + i, "rows " + i);
            f.clock.advance(Duration.ofSeconds(1));
        }

        List<AuditEntry> newest = f.audit.entries(AuditQuery.newest(3));
        assertThat(newest).extracting(AuditEntry::target).containsExactly("target-4", "target-3", "target-2");
        assertThat(newest.get(0).at()).isEqualTo(start.plusSeconds(4));
        assertThat(newest.get(0).actor()).isEqualTo("anna");
        assertThat(newest.get(0).detail()).isEqualTo("rows 4");

        assertThat(f.audit.entries(new AuditQuery(3, newest.get(2).id(), null, null)))
                .extracting(AuditEntry::target).containsExactly("target-1", "target-0");
        assertThat(f.audit.entries(new AuditQuery(10, null, AuditLog.SYSTEM, null)))
                .extracting(AuditEntry::target).containsExactly("target-3", "target-1");
        assertThat(f.audit.entries(new AuditQuery(10, null, "anna", AuditLog.BUNDLE_DEPLOY)))
                .extracting(AuditEntry::target).containsExactly("target-0");
    }

    @Test
    void aDatabaseFailureIsLoggedWithTheWholeLineAndNotThrown() {
        AuditStore broken = (AuditStore) Proxy.newProxyInstance(AuditStore.class.getClassLoader(),
                new Class<?>[] {AuditStore.class}, (proxy, method, args) -> {
                    throw new StoreException("Could not add a line to the audit log: connection refused");
                });
        StoreAuditLog log = new StoreAuditLog(broken, new SettableClock(Instant.parse("2026-03-01T09:00:00Z")));
        Logger logger = (Logger) LoggerFactory.getLogger(StoreAuditLog.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            log.record("anna", AuditLog.BUNDLE_REMOVE, "nl.pilot.zeeland", "version 1.2.0\nforged line");
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).isEqualTo("Could not write to the audit log: actor=\"anna\""
                    + " action=\"bundle.remove\" target=\"nl.pilot.zeeland\" detail=\"version 1.2.0\\u000aforged line\"");
            assertThat(event.getThrowableProxy().getMessage()).contains("connection refused");
        });
    }
}

package nl.proeftuin.security.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import nl.proeftuin.store.internal.Migrator;
import nl.proeftuin.store.internal.SqlAuditStore;
import nl.proeftuin.store.internal.SqlSessionStore;
import nl.proeftuin.store.internal.SqlUserStore;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh, migrated in-memory H2 database with the store's real SQL implementations, so that the
 * security components are tested against the rows they really write.
 */
final class TestDatabase {

    final DataSource dataSource;
    final SqlUserStore users;
    final SqlSessionStore sessions;
    final SqlAuditStore audit;

    TestDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:security-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        this.dataSource = h2;
        try {
            Migrator.standard(h2).migrate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        this.users = new SqlUserStore(h2);
        this.sessions = new SqlSessionStore(h2);
        this.audit = new SqlAuditStore(h2);
    }

    /** The values of one column of a query, as text. */
    List<String> column(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every line of the audit log as "actor action target: detail", oldest first. */
    List<String> auditLines() {
        return column("SELECT actor || ' ' || audit_action || ' ' || target || ': ' || detail"
                + " FROM audit_log ORDER BY id");
    }
}

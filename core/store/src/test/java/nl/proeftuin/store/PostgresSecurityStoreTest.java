package nl.proeftuin.store;

import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Users, sessions and the audit log on PostgreSQL, when {@code PROEFTUIN_TEST_PG_URL} names a
 * database; see {@link PostgresSchemas} for the variables and for what happens without them.
 */
class PostgresSecurityStoreTest extends SecurityStoreContract {

    private final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    DataSource newDatabase() throws SQLException {
        return schemas.newDatabase();
    }

    @Override
    void dropDatabases() throws SQLException {
        schemas.dropAll();
    }
}

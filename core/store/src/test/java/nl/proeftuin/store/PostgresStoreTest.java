package nl.proeftuin.store;

import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The store on PostgreSQL, when {@code PROEFTUIN_TEST_PG_URL} names a database; see
 * {@link PostgresSchemas} for the variables and for what happens without them.
 */
class PostgresStoreTest extends StoreContract {

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

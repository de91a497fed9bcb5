package nl.proeftuin.store;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** Users, sessions and the audit log on embedded H2 files, the default database; always runs. */
class H2SecurityStoreTest extends SecurityStoreContract {

    @TempDir
    Path temp;

    private int databases;

    @Override
    DataSource newDatabase() {
        return H2StoreTest.h2(temp.resolve("db-" + ++databases));
    }

    @Override
    void dropDatabases() {
        // the files live in the JUnit temporary folder, which JUnit removes
    }
}

package nl.proeftuin.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the migration index and splitting scripts; no database needed. */
class MigratorTest {

    @TempDir
    Path temp;

    /** Never touched: these tests fail before any connection is opened. */
    private static final DataSource NO_DATABASE = (DataSource) java.lang.reflect.Proxy
            .newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                    (p, m, a) -> {
                        throw new AssertionError("no database expected");
                    });

    @Test
    void theStoresOwnIndexListsItsScriptsInOrder() {
        assertThat(Migrator.standard(NO_DATABASE).migrations()).containsExactly(
                new Migrator.Migration(1, "init", "db/migration/V1__init.sql"),
                new Migrator.Migration(2, "lessons", "db/migration/V2__lessons.sql"),
                new Migrator.Migration(3, "security", "db/migration/V3__security.sql"));
    }

    @Test
    void ignoresCommentsAndBlankLines() throws Exception {
        List<Migrator.Migration> migrations = migrator("# header\n\nV1__a.sql  # first\n"
                + "V7__add_b_index.sql\n", "V1__a.sql", "V7__add_b_index.sql").migrations();

        assertThat(migrations).extracting(Migrator.Migration::version).containsExactly(1, 7);
        assertThat(migrations.get(1).description()).isEqualTo("add b index");
    }

    @Test
    void rejectsVersionsOutOfOrder() throws Exception {
        Migrator migrator = migrator("V2__b.sql\nV1__a.sql\n", "V1__a.sql", "V2__b.sql");

        assertThatThrownBy(migrator::migrations).isInstanceOf(IllegalStateException.class)
                .hasMessage("db/migration/index.txt line 2: V1 must come after V2"
                        + " (versions must increase)");
    }

    @Test
    void rejectsBadNames() throws Exception {
        Migrator migrator = migrator("V1__a.sql\ninit.sql\n", "V1__a.sql");

        assertThatThrownBy(migrator::migrations).isInstanceOf(IllegalStateException.class)
                .hasMessage("db/migration/index.txt line 2: \"init.sql\" is not a migration name"
                        + " like V3__add_region_index.sql");
    }

    @Test
    void rejectsAListedScriptThatIsMissing() throws Exception {
        Migrator migrator = migrator("V1__a.sql\nV2__b.sql\n", "V1__a.sql");

        assertThatThrownBy(migrator::migrations).isInstanceOf(IllegalStateException.class)
                .hasMessage("Schema migration resource db/migration/V2__b.sql is missing");
    }

    @Test
    void rejectsAMissingIndex() throws Exception {
        Migrator migrator = migrator(null);

        assertThatThrownBy(migrator::migrations).isInstanceOf(IllegalStateException.class)
                .hasMessage("Schema migration resource db/migration/index.txt is missing");
    }

    @Test
    void splitsScriptsIntoStatements() {
        assertThat(SqlScript.statements("-- comment; not a statement\n"
                + "CREATE TABLE t (a VARCHAR(10)); -- trailing comment\n"
                + "INSERT INTO t VALUES ('x;y -- z');\n"
                + "INSERT INTO t VALUES ('it''s');\n"
                + "\n;\n"
                + "SELECT 1"))
                .containsExactly("CREATE TABLE t (a VARCHAR(10))",
                        "INSERT INTO t VALUES ('x;y -- z')",
                        "INSERT INTO t VALUES ('it''s')",
                        "SELECT 1");
        assertThatThrownBy(() -> SqlScript.statements("SELECT 'open"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Migrator migrator(String index, String... scripts) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("db/migration"));
        if (index != null) {
            Files.writeString(folder.resolve("index.txt"), index);
        }
        for (String script : scripts) {
            Files.writeString(folder.resolve(script), "SELECT 1;\n");
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {temp.toUri().toURL()}, null);
        return new Migrator(NO_DATABASE, loader, "db/migration/");
    }
}

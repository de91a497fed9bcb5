package nl.proeftuin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.store.internal.Databases;
import nl.proeftuin.store.internal.SqlMeasurementStore;
import org.h2.Driver;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;

/** The store on embedded H2 files, the default database; always runs. */
class H2StoreTest extends StoreContract {

    private int databases;

    @Override
    DataSource newDatabase() {
        return h2(temp.resolve("db-" + ++databases));
    }

    @Override
    void dropDatabases() {
        // the files live in the JUnit temporary folder, which JUnit removes
    }

    /** An H2 data source made the way the bundle makes it: the driver's OSGi factory. */
    static DataSource h2(Path folder) {
        String url = Databases.embeddedH2Url(folder);
        return Databases.dataSource(new OsgiDataSourceFactory(Driver.load()), url, "", "");
    }

    @Test
    void committedMeasurementsSurviveKillMinus9() throws Exception {
        Path folder = temp.resolve("killed");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp",
                System.getProperty("java.class.path"), KillTestChild.class.getName(),
                Databases.embeddedH2Url(folder))
                .redirectErrorStream(true)
                .start();
        StringBuilder output = new StringBuilder();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(
                        child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the stream ends when the child is killed
                }
            }, "kill-test-output");
            reader.setDaemon(true);
            reader.start();

            boolean committed = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!committed && System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    output.append(line).append('\n');
                    committed = line.equals("COMMITTED");
                } else if (!child.isAlive()) {
                    break;
                }
            }
            assertThat(committed).as("child output:%n%s", output).isTrue();

            // SIGKILL at once: no shutdown hook, no H2 close, nothing flushed after the commit
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed, not exited").isEqualTo(137);
        } finally {
            child.destroyForcibly();
        }

        DataSource reopened = pooled(h2(folder));
        SqlMeasurementStore afterKill = new SqlMeasurementStore(reopened, clock);
        assertThat(afterKill.count()).isEqualTo(KillTestChild.BULK + KillTestChild.SINGLES);
        assertThat(afterKill.measurements(KillTestChild.bulk().stream().map(Measurement::kpiId)
                .distinct().toList()).values().stream().mapToInt(List::size).sum())
                .isEqualTo(KillTestChild.BULK);
        for (int i = 0; i < KillTestChild.SINGLES; i++) {
            Measurement single = KillTestChild.single(i);
            assertThat(values(afterKill.measurements(single.kpiId(), single.period(),
                    single.period()))).as("single commit %d", i).containsExactly(single.value());
        }
    }
}

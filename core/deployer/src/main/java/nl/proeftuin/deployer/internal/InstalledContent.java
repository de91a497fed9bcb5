package nl.proeftuin.deployer.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which content (SHA-256) is installed from which file, kept in the deployer bundle's data area, so that a restart
 * of the deployer recognises unchanged pilots and leaves them running.
 */
final class InstalledContent {

    private static final Logger LOG = LoggerFactory.getLogger(InstalledContent.class);

    private final File file;
    private final Properties hashes = new Properties();

    InstalledContent(File file) {
        this.file = file;
        if (file != null && file.isFile()) {
            try (InputStream in = Files.newInputStream(file.toPath())) {
                hashes.load(in);
            } catch (IOException e) {
                LOG.warn("Cannot read {}; unchanged pilots will be updated once: {}", file, e.getMessage());
            }
        }
    }

    String get(String fileName) {
        return hashes.getProperty(fileName);
    }

    void put(String fileName, String sha256) {
        hashes.setProperty(fileName, sha256);
        save();
    }

    void remove(String fileName) {
        if (hashes.remove(fileName) != null) {
            save();
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        File temp = new File(file.getParentFile(), file.getName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp.toPath())) {
            hashes.store(out, "content installed from deploy/");
        } catch (IOException e) {
            LOG.warn("Cannot write {}: {}", temp, e.getMessage());
            return;
        }
        try {
            Files.move(temp.toPath(), file.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("Cannot write {}: {}", file, e.getMessage());
        }
    }
}

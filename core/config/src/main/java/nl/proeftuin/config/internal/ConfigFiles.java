package nl.proeftuin.config.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Reads {@code conf/<pid>.cfg} (or {@code <factoryPid>~<name>.cfg}) files: Java properties, one setting per line,
 * {@code #} for comments, as Apache Karaf and Felix FileInstall use them.
 */
final class ConfigFiles {

    /**
     * One file's settings.
     *
     * @param pid the configuration PID, or the factory PID when {@code name} is set
     * @param name the factory configuration's name, or null
     * @param file the file
     * @param properties the settings; empty when every line is a comment
     */
    record ConfigFile(String pid, String name, Path file, Hashtable<String, Object> properties) {
    }

    private ConfigFiles() {
    }

    static List<ConfigFile> read(Path folder) throws IOException {
        List<ConfigFile> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        List<Path> paths;
        try (Stream<Path> list = Files.list(folder)) {
            paths = list.filter(p -> p.getFileName().toString().endsWith(".cfg")).sorted().toList();
        }
        for (Path path : paths) {
            String base = path.getFileName().toString();
            base = base.substring(0, base.length() - ".cfg".length());
            int tilde = base.indexOf('~');
            String pid = tilde < 0 ? base : base.substring(0, tilde);
            String name = tilde < 0 ? null : base.substring(tilde + 1);
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Hashtable<String, Object> values = new Hashtable<>();
            properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).strip()));
            files.add(new ConfigFile(pid, name, path, values));
        }
        return files;
    }
}

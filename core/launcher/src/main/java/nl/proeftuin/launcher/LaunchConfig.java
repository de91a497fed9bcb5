package nl.proeftuin.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the platform lives and how it listens, from (strongest first) the environment,
 * {@code conf/proeftuin.properties} in the home folder, and built-in defaults.
 *
 * @param installDir the unpacked distribution (holds {@code lib/}, {@code system/}, default {@code conf/})
 * @param home the folder that holds {@code deploy/}, {@code data/} and {@code conf/}
 * @param host the address the HTTP server binds to
 * @param port the HTTP port
 * @param settings every setting of {@code conf/proeftuin.properties}, passed to the framework as properties
 */
record LaunchConfig(Path installDir, Path home, String host, int port, Properties settings) {

    static final String ENV_HOME = "PROEFTUIN_HOME";
    static final String ENV_PORT = "PROEFTUIN_PORT";
    static final String SETTINGS_FILE = "proeftuin.properties";
    static final String KEY_PORT = "http.port";
    static final String KEY_HOST = "http.host";
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOST = "0.0.0.0";

    /**
     * Reads the configuration.
     *
     * @param installDir the distribution folder
     * @param env the process environment
     * @throws LaunchException naming the setting and the bad value
     */
    static LaunchConfig load(Path installDir, Map<String, String> env) throws LaunchException {
        String homeValue = env.get(ENV_HOME);
        Path home = (homeValue == null || homeValue.isBlank())
                ? installDir
                : Path.of(homeValue).toAbsolutePath().normalize();
        Properties settings = readSettings(home.resolve("conf").resolve(SETTINGS_FILE));
        String portText = env.get(ENV_PORT);
        String portSource = ENV_PORT;
        if (portText == null || portText.isBlank()) {
            portText = settings.getProperty(KEY_PORT, String.valueOf(DEFAULT_PORT));
            portSource = KEY_PORT + " in conf/" + SETTINGS_FILE;
        }
        int port = parsePort(portText.strip(), portSource);
        String host = settings.getProperty(KEY_HOST, DEFAULT_HOST).strip();
        if (host.isEmpty()) {
            throw new LaunchException(LaunchException.CONFIG,
                    KEY_HOST + " in conf/" + SETTINGS_FILE + " is empty; expected an address such as 0.0.0.0 or 127.0.0.1");
        }
        return new LaunchConfig(installDir, home, host, port, settings);
    }

    static int parsePort(String text, String source) throws LaunchException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new LaunchException(LaunchException.CONFIG,
                source + " is \"" + text + "\"; expected a port number from 1 to 65535");
    }

    private static Properties readSettings(Path file) throws LaunchException {
        Properties settings = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                settings.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new LaunchException(LaunchException.CONFIG, "cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return settings;
    }

    Path deployDir() {
        return home.resolve("deploy");
    }

    Path dataDir() {
        return home.resolve("data");
    }

    Path confDir() {
        return home.resolve("conf");
    }

    Path systemDir() {
        return installDir.resolve("system");
    }
}

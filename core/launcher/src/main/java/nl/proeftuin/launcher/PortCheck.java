package nl.proeftuin.launcher;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * Tells before the framework starts whether the HTTP port can be bound, so that a busy port is one clear
 * line instead of a Jetty stack trace in the middle of start-up.
 */
final class PortCheck {

    private PortCheck() {
    }

    static void ensureFree(String host, int port) throws LaunchException {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new LaunchException(LaunchException.CONFIG,
                    "http.host \"" + host + "\" is not a known address; expected an address such as 0.0.0.0 or 127.0.0.1");
        }
        try (ServerSocket socket = new ServerSocket()) {
            // same socket option Jetty uses, so that a port in TIME_WAIT does not count as busy
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        } catch (BindException e) {
            throw new LaunchException(LaunchException.PORT,
                    "port " + port + " on " + host + " is already in use (set PROEFTUIN_PORT or http.port in conf/proeftuin.properties)");
        } catch (IOException e) {
            throw new LaunchException(LaunchException.PORT, "cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
    }
}

package nl.proeftuin.launcher;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void busyPortIsReportedWithTheWayOut() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = busy.getLocalPort();

            assertThatThrownBy(() -> PortCheck.ensureFree("127.0.0.1", port))
                    .isInstanceOf(LaunchException.class)
                    .hasMessage("port " + port + " on 127.0.0.1 is already in use (set PROEFTUIN_PORT or http.port in conf/proeftuin.properties)");
        }
    }

    @Test
    void freePortPassesAndStaysFree() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThatCode(() -> PortCheck.ensureFree("127.0.0.1", port)).doesNotThrowAnyException();
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
    }

    @Test
    void unknownHostIsAConfigurationError() {
        assertThatThrownBy(() -> PortCheck.ensureFree("no-such-host.invalid", 8080))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("http.host \"no-such-host.invalid\" is not a known address");
    }
}

package nl.proeftuin.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShellServletTest {

    @Test
    void pagePathsGetTheShellAndFilePathsDoNot() {
        assertThat(ShellServlet.isPage("/")).isTrue();
        assertThat(ShellServlet.isPage("/regio/zeeland")).isTrue();
        assertThat(ShellServlet.isPage("/regio/groningen/scherm/wanneer-ben-ik-aan-de-beurt")).isTrue();
        assertThat(ShellServlet.isPage("/app.js")).isFalse();
        assertThat(ShellServlet.isPage("/assets/x.css")).isFalse();
        assertThat(ShellServlet.isPage("/.hidden/x")).isFalse();
    }

    @Test
    void theShellHasNoInlineScriptOrStyle() {
        String shell = new String(ShellServlet.read(ShellServlet.SHELL), StandardCharsets.UTF_8);
        assertThat(shell).contains("<script type=\"module\" src=\"/ui/assets/js/main.js\"></script>")
                .doesNotContain("<style").doesNotContain("style=").doesNotContain(" on");
        assertThat(shell.split("<script").length - 1).isEqualTo(1);
    }

    @Test
    void theContentSecurityPolicyAllowsNothingInline() {
        assertThat(Headers.CONTENT_SECURITY_POLICY).contains("script-src 'self'", "style-src 'self'", "object-src 'none'")
                .doesNotContain("unsafe");
    }
}

package nl.proeftuin.api.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageScreenTest {

    @Test
    void constructs() {
        PageScreen page = new PageScreen("kaart", "Kaart", "/web", "pages/index.html");

        assertThat(page.resourceRoot()).isEqualTo("/web");
        assertThat(page.entry()).isEqualTo("pages/index.html");
    }

    @Test
    void rejectsResourceRootThatLeavesTheBundleFolderOrIsRelative() {
        assertThatThrownBy(() -> new PageScreen("kaart", "Kaart", "/web/../OSGI-INF", "a.html"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PageScreen.resourceRoot")
                .hasMessageContaining("\"/web/../OSGI-INF\"");
        assertThatThrownBy(() -> new PageScreen("kaart", "Kaart", "web", "index.html"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PageScreen.resourceRoot")
                .hasMessageContaining("\"web\"");
    }

    @Test
    void rejectsEntryThatLeavesTheRootOrIsAbsolute() {
        assertThatThrownBy(() -> new PageScreen("kaart", "Kaart", "/web", "../secret.html"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PageScreen.entry")
                .hasMessageContaining("\"../secret.html\"");
        assertThatThrownBy(() -> new PageScreen("kaart", "Kaart", "/web", "/index.html"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PageScreen.entry")
                .hasMessageContaining("\"/index.html\"");
    }
}

package nl.proeftuin.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThemeTest {

    @Test
    void standardVocabularyHasTheSharedIds() {
        assertThat(Theme.standard()).extracting(Theme::id).containsExactly("energietransitie",
                "technisch-onderwijs", "leefbaarheid", "arbeidsmarkt", "wonen", "versterking",
                "verduurzaming");
    }

    @Test
    void anySlugIsATheme() {
        assertThat(new Theme("klimaatadaptatie").id()).isEqualTo("klimaatadaptatie");
        assertThat(new Theme("wonen")).isEqualTo(Theme.WONEN);
    }

    @Test
    void rejectsIdThatIsNotASlug() {
        assertThatThrownBy(() -> new Theme("Technisch Onderwijs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Theme.id")
                .hasMessageContaining("\"Technisch Onderwijs\"");
    }
}

package nl.proeftuin.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpgaveTest {

    @Test
    void constructsAndTurnsMissingTextIntoEmptyText() {
        Opgave opgave = new Opgave("zeeland-isolatie", "zeeland", "Woningen isoleren",
                Theme.ENERGIETRANSITIE, null, null, List.of());

        assertThat(opgave.description()).isEmpty();
        assertThat(opgave.trekker()).isEmpty();
        assertThat(opgave.partners()).isEmpty();
    }

    @Test
    void rejectsIdsThatAreNotSlugs() {
        assertThatThrownBy(() -> opgave("zeeland isolatie", "zeeland", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Opgave.id")
                .hasMessageContaining("\"zeeland isolatie\"");
        assertThatThrownBy(() -> opgave("zeeland-isolatie", "Zeeland", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Opgave.regionId")
                .hasMessageContaining("\"Zeeland\"");
    }

    @Test
    void rejectsBlankTitleAndMissingTheme() {
        assertThatThrownBy(() -> new Opgave("a", "b", "", Theme.WONEN, null, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Opgave.title");
        assertThatThrownBy(() -> new Opgave("a", "b", "Titel", null, null, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Opgave.theme");
    }

    @Test
    void rejectsBlankPartnerNamingItsIndex() {
        assertThatThrownBy(() -> opgave("zeeland-isolatie", "zeeland", List.of("Provincie", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Opgave.partners[1]")
                .hasMessageContaining("\" \"");
    }

    @Test
    void keepsItsOwnUnmodifiableCopyOfPartners() {
        List<String> partners = new ArrayList<>(List.of("Provincie Zeeland"));
        Opgave opgave = opgave("zeeland-isolatie", "zeeland", partners);
        partners.clear();

        assertThat(opgave.partners()).containsExactly("Provincie Zeeland");
        assertThatThrownBy(() -> opgave.partners().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static Opgave opgave(String id, String regionId, List<String> partners) {
        return new Opgave(id, regionId, "Woningen isoleren", Theme.ENERGIETRANSITIE,
                "Alle woningen label B", "Provincie", partners);
    }
}

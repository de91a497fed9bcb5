package nl.proeftuin.api.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WidgetScreenTest {

    @Test
    void keepsItsOwnUnmodifiableCopyOfWidgets() {
        List<Widget> widgets = new ArrayList<>(List.of(new KpiTile(null, "zeeland-woningen")));
        WidgetScreen screen = new WidgetScreen("overzicht", "Overzicht", widgets);
        widgets.add(new RegionMap(null));

        assertThat(screen.widgets()).containsExactly(new KpiTile("", "zeeland-woningen"));
        assertThatThrownBy(() -> screen.widgets().add(new RegionMap(null)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsScreenWithoutWidgets() {
        assertThatThrownBy(() -> new WidgetScreen("overzicht", "Overzicht", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WidgetScreen.widgets");
    }

    @Test
    void rejectsBadIdAndBlankTitle() {
        assertThatThrownBy(() -> new WidgetScreen("Overzicht", "Overzicht",
                List.of(new RegionMap(null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WidgetScreen.id")
                .hasMessageContaining("\"Overzicht\"");
        assertThatThrownBy(() -> new WidgetScreen("overzicht", "", List.of(new RegionMap(null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WidgetScreen.title");
    }
}

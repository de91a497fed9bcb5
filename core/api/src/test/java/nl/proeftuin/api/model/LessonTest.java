package nl.proeftuin.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LessonTest {

    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);

    @Test
    void constructsWithoutOpgaveOrAuthor() {
        Lesson lesson = new Lesson("zeeland-les-1", "zeeland", null, Theme.WONEN,
                "Begin bij de buurt", "Een buurtaanpak werkt beter.", null, DAY);

        assertThat(lesson.opgaveId()).isNull();
        assertThat(lesson.author()).isEmpty();
    }

    @Test
    void rejectsOpgaveIdThatIsNotASlug() {
        assertThatThrownBy(() -> new Lesson("l", "zeeland", "Isolatie", Theme.WONEN, "Titel",
                "Tekst", null, DAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Lesson.opgaveId")
                .hasMessageContaining("\"Isolatie\"");
    }

    @Test
    void rejectsMissingRequiredComponents() {
        assertThatThrownBy(() -> new Lesson("l", "zeeland--x", null, Theme.WONEN, "Titel",
                "Tekst", null, DAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Lesson.regionId")
                .hasMessageContaining("\"zeeland--x\"");
        assertThatThrownBy(() -> new Lesson("l", "zeeland", null, null, "Titel", "Tekst", null,
                DAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Lesson.theme");
        assertThatThrownBy(() -> new Lesson("l", "zeeland", null, Theme.WONEN, "Titel", "\n",
                null, DAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Lesson.text");
        assertThatThrownBy(() -> new Lesson("l", "zeeland", null, Theme.WONEN, "Titel", "Tekst",
                null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Lesson.date");
    }
}

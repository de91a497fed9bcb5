package nl.proeftuin.web.internal.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import nl.proeftuin.api.screen.KpiChart;
import nl.proeftuin.api.screen.KpiTable;
import nl.proeftuin.api.screen.KpiTile;
import nl.proeftuin.api.screen.PageScreen;
import nl.proeftuin.api.screen.RegionMap;
import nl.proeftuin.api.screen.Screen;
import nl.proeftuin.api.screen.TextBlock;
import nl.proeftuin.api.screen.Widget;
import nl.proeftuin.api.screen.WidgetScreen;

/**
 * The one JSON configuration of the API: ISO dates, no unknown fields silently dropped on input, and numbers that
 * are not finite (NaN: "not known") written as null, since JSON has no NaN.
 */
public final class Json {

    /** Thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("finite-numbers")
                    .addSerializer(Double.class, new FiniteDouble())
                    .addSerializer(double.class, new FiniteDouble()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(Screen.class, ScreenTypes.class)
            .addMixIn(Widget.class, WidgetTypes.class);

    private Json() {
    }

    /** The API bundle knows nothing of JSON; the kind of screen is named here, in {@code type}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = WidgetScreen.class, name = "widgets"),
            @JsonSubTypes.Type(value = PageScreen.class, name = "page")})
    private interface ScreenTypes {
    }

    /** The kind of widget, in {@code type}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = KpiTile.class, name = "tile"),
            @JsonSubTypes.Type(value = KpiChart.class, name = "chart"),
            @JsonSubTypes.Type(value = KpiTable.class, name = "table"),
            @JsonSubTypes.Type(value = TextBlock.class, name = "text"),
            @JsonSubTypes.Type(value = RegionMap.class, name = "map")})
    private interface WidgetTypes {
    }

    private static final class FiniteDouble extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (value == null || value.isNaN() || value.isInfinite()) {
                generator.writeNull();
            } else {
                generator.writeNumber(value);
            }
        }
    }
}

package nl.proeftuin.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionTest {

    @Test
    void constructsWithAndWithoutGeometry() {
        Region withGeometry = new Region("zeeland", "Zeeland", RegionKind.PROVINCIE,
                List.of("PV29"), "/geo/zeeland.geojson");
        Region withoutGeometry = new Region("groningen-stad", "Groningen", RegionKind.GEMEENTE,
                List.of("GM0014"));

        assertThat(withGeometry.geometryResource()).isEqualTo("/geo/zeeland.geojson");
        assertThat(withoutGeometry.geometryResource()).isNull();
        assertThat(new Region("noord", "Noord", RegionKind.REGIO, List.of()).cbsCodes()).isEmpty();
    }

    @Test
    void rejectsIdThatIsNotASlug() {
        assertThatThrownBy(() -> new Region("Zeeland", "Zeeland", RegionKind.PROVINCIE, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Region.id")
                .hasMessageContaining("\"Zeeland\"");
    }

    @Test
    void rejectsBlankNameAndMissingKind() {
        assertThatThrownBy(() -> new Region("zeeland", " ", RegionKind.PROVINCIE, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Region.name");
        assertThatThrownBy(() -> new Region("zeeland", "Zeeland", null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Region.kind");
    }

    @Test
    void rejectsMalformedCbsCodeNamingItsIndex() {
        assertThatThrownBy(() -> new Region("zeeland", "Zeeland", RegionKind.PROVINCIE,
                List.of("PV29", "pv29")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Region.cbsCodes[1]")
                .hasMessageContaining("\"pv29\"");
    }

    @Test
    void keepsItsOwnUnmodifiableCopyOfCbsCodes() {
        List<String> codes = new ArrayList<>(List.of("GM0014"));
        Region region = new Region("groningen-stad", "Groningen", RegionKind.GEMEENTE, codes);
        codes.add("GM0037");

        assertThat(region.cbsCodes()).containsExactly("GM0014");
        assertThatThrownBy(() -> region.cbsCodes().add("GM0037"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsGeometryOutsideTheBundleOrNotGeoJson() {
        assertThatThrownBy(() -> geometry("/geo/../../etc/passwd.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Region.geometryResource")
                .hasMessageContaining("\"/geo/../../etc/passwd.json\"");
        assertThatThrownBy(() -> geometry("geo/zeeland.geojson"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Region.geometryResource")
                .hasMessageContaining("\"geo/zeeland.geojson\"");
        assertThatThrownBy(() -> geometry("/geo/zeeland.shp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Region.geometryResource")
                .hasMessageContaining("\"/geo/zeeland.shp\"");
    }

    @Test
    void acceptsPlainJsonGeometry() {
        assertThat(geometry("/zeeland.json").geometryResource()).isEqualTo("/zeeland.json");
    }

    private static Region geometry(String resource) {
        return new Region("zeeland", "Zeeland", RegionKind.PROVINCIE, List.of("PV29"), resource);
    }
}

package nl.proeftuin.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KpiMetadataTest {

    @Test
    void missingTextBecomesEmpty() {
        assertThat(new KpiMetadata(null, null, null)).isEqualTo(KpiMetadata.NONE);
        assertThat(KpiMetadata.NONE.definition()).isEmpty();
    }
}

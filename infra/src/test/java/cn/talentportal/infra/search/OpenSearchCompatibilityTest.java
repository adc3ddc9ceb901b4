package cn.talentportal.infra.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenSearchCompatibilityTest {

    @Test
    void vendorMediaTypesOfTheElasticsearchClientBecomePlainOnes() {
        assertThat(OpenSearchCompatibility.plainMediaType("application/vnd.elasticsearch+json; compatible-with=9"))
                .isEqualTo("application/json");
        assertThat(OpenSearchCompatibility.plainMediaType("application/vnd.elasticsearch+x-ndjson; compatible-with=9"))
                .isEqualTo("application/x-ndjson");
        assertThat(OpenSearchCompatibility.plainMediaType("application/json")).isEqualTo("application/json");
    }
}

package cn.talentportal.infra.axon;

import org.axonframework.common.caching.WeakReferenceCache;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypeScopedCacheTest {

    @Test
    void two_aggregate_types_with_the_same_id_never_see_each_others_cached_aggregate() {
        WeakReferenceCache shared = new WeakReferenceCache();
        TypeScopedCache candidates = new TypeScopedCache(shared, "Candidate");
        TypeScopedCache campaigns = new TypeScopedCache(shared, "OutreachCampaign");
        String candidate = "the candidate";
        candidates.put("same-id", candidate);

        assertThat(campaigns.containsKey("same-id")).isFalse();
        assertThat((Object) campaigns.get("same-id")).isNull();
        assertThat((Object) candidates.get("same-id")).isSameAs(candidate);

        shared.removeAll(); // clearing the shared cache (as tests do) clears every type's entries
        assertThat(candidates.containsKey("same-id")).isFalse();
    }
}

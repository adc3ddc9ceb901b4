package cn.talentportal.portal.shared;

import cn.talentportal.domain.shared.DomainRuleViolation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandTextTest {

    record Note(String text) {
    }

    record Visit(String caseId, List<String> problems, Map<String, Note> notes) {
    }

    @Test
    void whole_characters_pass_however_deep_and_half_of_a_surrogate_pair_is_refused_wherever_it_is() {
        assertThatCode(() -> CommandText.requireWellFormed(new Visit("c-1", List.of("通勤不便 🚌"),
                Map.of("k", new Note("一切顺利 😀"))))).doesNotThrowAnyException();

        for (Visit broken : List.of(
                new Visit("c-1", List.of("cut emoji \ud83d"), Map.of()),
                new Visit("c-1", List.of(), Map.of("k", new Note("\ude00 stray low half"))),
                new Visit("c-1", List.of(), Map.of("\ud83d", new Note("ok"))))) {
            assertThatThrownBy(() -> CommandText.requireWellFormed(broken))
                    .isInstanceOf(DomainRuleViolation.class).hasMessage("validation.malformedText");
        }
    }
}

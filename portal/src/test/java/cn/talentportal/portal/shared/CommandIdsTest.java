package cn.talentportal.portal.shared;

import cn.talentportal.domain.alert.JobAlertCommands.MarkJobAlertsRead;
import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.opening.OpeningCommands.CloseOpening;
import cn.talentportal.domain.shared.DomainRuleViolation;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Found by fuzzing: a command with a missing or arbitrary id failed inside Axon instead of being refused. */
class CommandIdsTest {

    private final String id = UUID.randomUUID().toString();

    @Test
    void a_missing_blank_or_arbitrary_target_id_is_refused() {
        for (String bad : new String[] {null, "", " ", "../../etc/passwd", "{\"$gt\": \"\"}", "a\u0000b",
                "<script>alert(1)</script>", "x".repeat(101)}) {
            assertThatThrownBy(() -> CommandIds.requireWellFormed(new CloseOpening(bad, "原因")))
                    .isInstanceOf(DomainRuleViolation.class).hasMessage("command.invalidId");
        }
    }

    @Test
    void every_id_of_a_command_handled_outside_an_aggregate_is_checked() {
        assertThatThrownBy(() -> CommandIds.requireWellFormed(new ApplyToOpening(id, id, null)))
                .hasMessage("command.invalidId");
        assertThatThrownBy(() -> CommandIds.requireWellFormed(new ApplyToOpening(id, "$where", id)))
                .hasMessage("command.invalidId");
    }

    @Test
    void generated_and_derived_ids_pass() {
        assertThatCode(() -> CommandIds.requireWellFormed(new CloseOpening(id, null))).doesNotThrowAnyException();
        assertThatCode(() -> CommandIds.requireWellFormed(new ApplyToOpening(id, id, id)))
                .doesNotThrowAnyException();
        assertThatCode(() -> CommandIds.requireWellFormed(new MarkJobAlertsRead(id))).doesNotThrowAnyException();
    }
}

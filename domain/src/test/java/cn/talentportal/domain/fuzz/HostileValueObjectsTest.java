package cn.talentportal.domain.fuzz;

import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.Require;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inputs the fuzzing found accepted (or failing otherwise than with a refusal), now refused. */
class HostileValueObjectsTest {

    @Test
    void an_email_address_with_control_or_invisible_formatting_characters_is_refused() {
        assertThatThrownBy(() -> new EmailAddress("a\u0000b@example.cn")).hasMessage("validation.email.invalid");
        assertThatThrownBy(() -> new EmailAddress("li\u0007ming@example.cn")).hasMessage("validation.email.invalid");
        assertThatThrownBy(() -> new EmailAddress("li\u202Eming@example.cn")).hasMessage("validation.email.invalid");
        assertThat(new EmailAddress("li.ming+jobs@example.cn").value()).isEqualTo("li.ming+jobs@example.cn");
    }

    @Test
    void a_date_outside_the_years_a_person_could_mean_is_refused_before_date_arithmetic_overflows() {
        for (LocalDate farOff : new LocalDate[] {LocalDate.MIN, LocalDate.MAX, LocalDate.of(0, 1, 1),
                LocalDate.of(1899, 12, 31), LocalDate.of(2200, 1, 1)}) {
            assertThatThrownBy(() -> Require.date(farOff, "retention.startDate"))
                    .hasMessage("validation.dateOutOfRange [retention.startDate]");
        }
        assertThatThrownBy(() -> Require.date(null, "retention.startDate"))
                .hasMessage("validation.required [retention.startDate]");
        assertThat(Require.date(LocalDate.of(2026, 9, 1), "retention.startDate")).isEqualTo("2026-09-01");
    }

    @Test
    void a_null_among_an_openings_categories_names_none_instead_of_failing() {
        Set<TalentCategory> categories = new HashSet<>(Arrays.asList(null, TalentCategory.GRADUATE));
        OpeningDetails details = new OpeningDetails("小学语文教师", null, null, null, null, null, null, null, 1,
                categories, null);
        assertThat(details.categories()).containsExactly(TalentCategory.GRADUATE);
        assertThat(new OpeningDetails("小学语文教师", null, null, null, null, null, null, null, 1,
                Collections.singleton(null), null).categories()).isEmpty();
    }
}

package cn.talentportal.domain.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueObjectsTest {

    @Test
    void an_id_number_with_a_valid_check_character_is_accepted_and_masked() {
        IdNumber id = new IdNumber("11010519491231002x");
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthYear()).isEqualTo(1949);
        assertThat(id.regionCode()).isEqualTo("110105");
        assertThat(id.toString()).isEqualTo("110105********002X").doesNotContain("19491231");
    }

    @Test
    void an_id_number_with_a_wrong_check_character_or_date_is_refused() {
        assertThatThrownBy(() -> new IdNumber("110105194912310021")).hasMessage("validation.idNumber.invalid");
        assertThatThrownBy(() -> new IdNumber("110105194913310026")).hasMessage("validation.idNumber.invalid");
        assertThatThrownBy(() -> new IdNumber("{\"$gt\": \"\"}")).hasMessage("validation.idNumber.invalid");
    }

    @Test
    void a_phone_number_is_normalised_and_masked() {
        PhoneNumber phone = new PhoneNumber("+86 138-0013-8000");
        assertThat(phone.value()).isEqualTo("13800138000");
        assertThat(phone.toString()).isEqualTo("138****8000");
        assertThatThrownBy(() -> new PhoneNumber("12345")).hasMessage("validation.phone.invalid");
    }

    @Test
    void an_email_address_is_lower_cased_and_checked() {
        assertThat(new EmailAddress(" Li.Ming@Example.CN ").value()).isEqualTo("li.ming@example.cn");
        assertThatThrownBy(() -> new EmailAddress("li.ming@")).hasMessage("validation.email.invalid");
    }

    @Test
    void texts_refuse_control_characters_and_excess_length() {
        assertThatThrownBy(() -> Require.text("a\u0000b", "f", 10)).hasMessage("validation.controlCharacters [f]");
        assertThatThrownBy(() -> Require.text("x".repeat(11), "f", 10)).hasMessage("validation.tooLong [f, 10]");
    }

    @Test
    void texts_refuse_bidirectional_overrides_that_would_show_other_text_than_stored() {
        assertThatThrownBy(() -> Require.text("王芳\u202Egnp.exe", "f", 20))
                .hasMessage("validation.controlCharacters [f]");
        assertThatThrownBy(() -> Require.text("a\u2066b\u2069", "f", 20)).hasMessage("validation.controlCharacters [f]");
        // joiners inside emoji and Chinese punctuation are ordinary text
        assertThat(Require.text("家庭👨\u200D👩\u200D👧 ——“好”", "f", 40)).isEqualTo("家庭👨\u200D👩\u200D👧 ——“好”");
    }
}

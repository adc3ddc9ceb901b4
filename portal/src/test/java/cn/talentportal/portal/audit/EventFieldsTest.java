package cn.talentportal.portal.audit;

import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.IdNumber;
import cn.talentportal.domain.shared.PhoneNumber;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

class EventFieldsTest {

    @Test
    void nested_profiles_and_channels_are_flattened_and_personal_values_stay_masked() {
        CandidateRegistered event = new CandidateRegistered("c1", "林晓雨", new PhoneNumber("13700137001"),
                new EmailAddress("linxiaoyu@example.cn"), new IdNumber("510123200006150023"),
                new CandidateProfile(Education.BACHELOR, "川北医学院", "护理学", 2026, "清溪镇", null, null),
                new RegistrationChannel(CandidateSource.LIVESTREAM, "d3", "直播带岗"),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL));

        var fields = EventFields.of(event);

        assertThat(fields).extracting(EventFields.Field::name).containsExactly("candidateId", "fullName", "phone",
                "email", "idNumber", "education", "school", "major", "graduationYear", "hometownCounty", "source",
                "reference", "referenceTitle", "purposes", "noticeVersion", "birthYear");
        assertThat(fields).extracting(f -> String.valueOf(f.value()))
                .contains("137****7001", "l***@example.cn", "510123********0023", "川北医学院")
                .doesNotContain("13700137001", "linxiaoyu@example.cn", "510123200006150023");
        assertThat(fields).filteredOn(f -> f.name().equals("source")).singleElement()
                .extracting(EventFields.Field::value).isEqualTo(CandidateSource.LIVESTREAM);
    }
}

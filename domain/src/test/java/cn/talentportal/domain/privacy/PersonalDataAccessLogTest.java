package cn.talentportal.domain.privacy;

import cn.talentportal.domain.privacy.PrivacyCommands.RecordHistoryExport;
import cn.talentportal.domain.privacy.PrivacyCommands.RecordPersonalDataAccess;
import cn.talentportal.domain.privacy.PrivacyEvents.CandidateHistoryExported;
import cn.talentportal.domain.privacy.PrivacyEvents.PersonalDataAccessed;
import cn.talentportal.domain.shared.DomainRuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.startsWith;

class PersonalDataAccessLogTest {

    static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    static final PersonalDataAccessed OPENED = new PersonalDataAccessed("c1", "王芳", PersonalDataCategory.CONTACT_DETAILS,
            "安排面试需联系本人");

    private AggregateTestFixture<PersonalDataAccessLog> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PersonalDataAccessLog.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void the_first_access_to_a_persons_data_opens_their_trail() {
        fixture.givenNoPriorActivity()
                .when(new RecordPersonalDataAccess("c1", " 王芳 ", PersonalDataCategory.CONTACT_DETAILS,
                        " 安排面试需联系本人 "))
                .expectEvents(OPENED)
                .expectState(log -> org.assertj.core.api.Assertions.assertThat(log)
                        .hasFieldOrPropertyWithValue("logId", "access:c1"));
    }

    @Test
    void later_accesses_join_the_same_trail() {
        fixture.given(OPENED)
                .when(new RecordPersonalDataAccess("c1", "王芳", PersonalDataCategory.FULL_HISTORY, "年度审计抽查"))
                .expectEvents(new PersonalDataAccessed("c1", "王芳", PersonalDataCategory.FULL_HISTORY, "年度审计抽查"));
    }

    @Test
    void an_access_says_why() {
        refuses(new RecordPersonalDataAccess("c1", "王芳", PersonalDataCategory.PROFILE, " "),
                "validation.required [privacy.reason]");
        refuses(new RecordPersonalDataAccess("c1", "王芳", PersonalDataCategory.PROFILE, null),
                "validation.required [privacy.reason]");
    }

    @Test
    void an_access_names_the_subject_and_what_was_opened() {
        refuses(new RecordPersonalDataAccess("c1", "王芳", null, "审计"), "validation.required [privacy.what]");
        refuses(new RecordPersonalDataAccess("c1", " ", PersonalDataCategory.PROFILE, "审计"),
                "validation.required [privacy.subjectName]");
    }

    @Test
    void an_export_records_the_format_the_instant_and_the_chain_head_it_was_checked_against() {
        Instant asOf = NOW.minus(Duration.ofDays(3));
        fixture.given(OPENED)
                .when(new RecordHistoryExport("c1", "王芳", ExportFormat.PDF, asOf, "ab12cd", "档案移交"))
                .expectEvents(new CandidateHistoryExported("c1", "王芳", ExportFormat.PDF, asOf, "ab12cd", "档案移交"));
    }

    @Test
    void an_export_may_be_the_first_entry_of_a_trail() {
        fixture.givenNoPriorActivity()
                .when(new RecordHistoryExport("c1", "王芳", ExportFormat.CSV, NOW, "ab12cd", "本人申请查阅"))
                .expectEvents(new CandidateHistoryExported("c1", "王芳", ExportFormat.CSV, NOW, "ab12cd", "本人申请查阅"));
    }

    @Test
    void an_export_needs_a_known_format_an_instant_a_chain_head_and_a_reason() {
        refuses(new RecordHistoryExport("c1", "王芳", null, NOW, "ab12cd", "审计"),
                "validation.required [privacy.exportFormat]");
        refuses(new RecordHistoryExport("c1", "王芳", ExportFormat.PDF, null, "ab12cd", "审计"),
                "validation.required [privacy.asOf]");
        refuses(new RecordHistoryExport("c1", "王芳", ExportFormat.PDF, NOW, " ", "审计"),
                "validation.required [privacy.chainHead]");
        refuses(new RecordHistoryExport("c1", "王芳", ExportFormat.PDF, NOW, "ab12cd", null),
                "validation.required [privacy.reason]");
    }

    @Test
    void an_export_of_a_moment_still_to_come_is_refused() {
        refuses(new RecordHistoryExport("c1", "王芳", ExportFormat.PDF, NOW.plusSeconds(60), "ab12cd", "审计"),
                "privacy.export.asOfInFuture");
    }

    private void refuses(Object command, String message) {
        fixture.given(OPENED).when(command)
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith(message));
    }
}

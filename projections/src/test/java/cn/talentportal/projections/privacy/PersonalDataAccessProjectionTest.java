package cn.talentportal.projections.privacy;

import cn.talentportal.domain.privacy.ExportFormat;
import cn.talentportal.domain.privacy.PersonalDataCategory;
import cn.talentportal.domain.privacy.PrivacyEvents.CandidateHistoryExported;
import cn.talentportal.domain.privacy.PrivacyEvents.PersonalDataAccessed;
import cn.talentportal.domain.shared.AuditMetaData;
import cn.talentportal.projections.privacy.AccessTrailEntry.Kind;
import cn.talentportal.projections.privacy.PrivacyQueries.FindPersonalDataAccess;
import cn.talentportal.projections.testing.InMemoryMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataAccessProjectionTest {

    static final Instant T0 = Instant.parse("2026-11-21T01:00:00Z");
    static final MetaData AUDITOR = MetaData.with(AuditMetaData.USER_ID, "u7").and(AuditMetaData.USER_NAME, "孙审计")
            .and(AuditMetaData.ROLE, "AUDITOR").and(AuditMetaData.CLIENT_ADDRESS, "10.0.0.7");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final PersonalDataAccessProjection projection = new PersonalDataAccessProjection(mongo.database);

    @AfterEach
    void close() {
        mongo.close();
    }

    private void trail() {
        projection.on(new PersonalDataAccessed("c1", "王芳", PersonalDataCategory.CONTACT_DETAILS, "安排面试"), "e1", T0,
                MetaData.with(AuditMetaData.USER_ID, "u1").and(AuditMetaData.USER_NAME, "周校长")
                        .and(AuditMetaData.ROLE, "RECRUITER"));
        projection.on(new PersonalDataAccessed("c2", "李雷", PersonalDataCategory.PROFILE, "筛选简历"), "e2",
                T0.plus(Duration.ofHours(1)), AUDITOR);
        projection.on(new CandidateHistoryExported("c1", "王芳", ExportFormat.PDF, T0.minus(Duration.ofDays(1)),
                "ab12", "档案移交"), "e3", T0.plus(Duration.ofHours(2)), AUDITOR);
    }

    @Test
    void auditors_list_who_opened_whose_data_why_and_from_where_oldest_first() {
        trail();
        trail(); // replayed: nothing twice
        List<AccessTrailEntry> all = projection.handle(new FindPersonalDataAccess(null, null, null));
        assertThat(all).extracting(AccessTrailEntry::eventId).containsExactly("e1", "e2", "e3");
        assertThat(all.get(2)).isEqualTo(new AccessTrailEntry("e3", T0.plus(Duration.ofHours(2)), Kind.EXPORT, "c1",
                "王芳", PersonalDataCategory.FULL_HISTORY, "档案移交", "u7", "孙审计", "AUDITOR", "10.0.0.7",
                ExportFormat.PDF, T0.minus(Duration.ofDays(1)), "ab12"));
        assertThat(all.get(0).actorName()).isEqualTo("周校长");
        assertThat(all.get(0).what()).isEqualTo(PersonalDataCategory.CONTACT_DETAILS);
    }

    @Test
    void the_trail_is_filtered_by_subject_and_by_time_both_ends_included() {
        trail();
        assertThat(projection.handle(new FindPersonalDataAccess("c1", null, null)))
                .extracting(AccessTrailEntry::eventId).containsExactly("e1", "e3");
        assertThat(projection.handle(new FindPersonalDataAccess(null, T0.plus(Duration.ofHours(1)),
                T0.plus(Duration.ofHours(2))))).extracting(AccessTrailEntry::eventId).containsExactly("e2", "e3");
        assertThat(projection.handle(new FindPersonalDataAccess("c1", null, T0))).extracting(AccessTrailEntry::eventId)
                .containsExactly("e1");
    }
}

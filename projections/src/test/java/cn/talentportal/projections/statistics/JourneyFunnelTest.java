package cn.talentportal.projections.statistics;

import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateEvents.ContractSigned;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.interview.InterviewEvents.InterviewHeld;
import cn.talentportal.domain.retention.RetentionEvents.RetentionCaseOpened;
import cn.talentportal.domain.retention.RetentionEvents.RetentionMilestoneReached;
import cn.talentportal.domain.retention.RetentionEvents.TalentDeparted;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.projections.statistics.FunnelQueries.FindFunnelBySource;
import cn.talentportal.projections.statistics.FunnelQueries.FindRetentionByCohort;
import cn.talentportal.projections.testing.Collections;
import cn.talentportal.projections.testing.InMemoryMongo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

class JourneyFunnelTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final JourneyFunnelProjection projection = new JourneyFunnelProjection(mongo.database);
    private final List<Runnable> history = new ArrayList<>();

    @AfterEach
    void close() {
        mongo.close();
    }

    private void happen(Runnable event) {
        event.run();
        history.add(event);
    }

    private void registered(String candidateId, CandidateSource source) {
        happen(() -> projection.on(new CandidateRegistered(candidateId, "名" + candidateId,
                new PhoneNumber("13900000000"), null, null, null, new RegistrationChannel(source, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL))));
    }

    private void signedAndStarted(String candidateId, String caseId, LocalDate start) {
        happen(() -> projection.on(new ApplicationSubmitted(candidateId, "a-" + candidateId, "名", "o1", "教师",
                "u1", "县一中")));
        happen(() -> projection.on(new InterviewHeld("i-" + candidateId, candidateId, Instant.EPOCH, Instant.EPOCH)));
        happen(() -> projection.on(new ContractSigned(candidateId, "名", "a-" + candidateId, "o1", "教师", "u1",
                "县一中", Sector.EDUCATION, "城关镇", "教师", 5000, start.minusDays(10), 5)));
        happen(() -> projection.on(new RetentionCaseOpened(caseId, candidateId, "名", "u1", "县一中", "教师",
                Sector.EDUCATION, "城关镇", start, start.minusDays(10))));
    }

    private void history() {
        registered("c1", CandidateSource.RETURNEE_REGISTER);
        registered("c2", CandidateSource.RETURNEE_REGISTER);
        registered("c3", CandidateSource.LIVESTREAM);
        registered("c4", CandidateSource.SELF_REGISTRATION);
        happen(() -> projection.on(new ApplicationSubmitted("c2", "a-x", "名", "o1", "教师", "u1", "县一中")));
        happen(() -> projection.on(new ApplicationSubmitted("c2", "a-y", "名", "o2", "护士", "u2", "县医院")));
        signedAndStarted("c1", "k1", LocalDate.of(2022, 9, 1));
        signedAndStarted("c3", "k3", LocalDate.of(2022, 3, 1));
        signedAndStarted("c4", "k4", LocalDate.of(2025, 9, 1));
        happen(() -> projection.on(new RetentionMilestoneReached("k1", "c1", "名", 1, "县一中",
                LocalDate.of(2023, 9, 1))));
        happen(() -> projection.on(new RetentionMilestoneReached("k1", "c1", "名", 3, "县一中",
                LocalDate.of(2025, 9, 1))));
        happen(() -> projection.on(new RetentionMilestoneReached("k3", "c3", "名", 1, "县一中",
                LocalDate.of(2023, 3, 1))));
        happen(() -> projection.on(new TalentDeparted("k3", "c3", "名", "县一中", LocalDate.of(2024, 1, 31), "调动",
                1)));
    }

    @Test
    void each_source_has_its_funnel_counting_each_candidate_once_per_step() {
        history();
        assertThat(projection.handle(new FindFunnelBySource())).containsExactly(
                new SourceFunnel(CandidateSource.LIVESTREAM, 1, 1, 1, 1, 1),
                new SourceFunnel(CandidateSource.RETURNEE_REGISTER, 2, 2, 1, 1, 1),
                new SourceFunnel(CandidateSource.SELF_REGISTRATION, 1, 1, 1, 1, 0));
    }

    @Test
    void each_cohort_shows_who_was_still_in_post_at_the_anniversaries_that_have_come() {
        history();
        List<CohortRetention> cohorts = projection.handle(new FindRetentionByCohort(LocalDate.of(2026, 11, 21)));
        assertThat(cohorts).extracting(CohortRetention::year).containsExactly(2022, 2025);
        CohortRetention of2022 = cohorts.get(0);
        assertThat(of2022.placed()).isEqualTo(2);
        assertThat(of2022.after(1)).isEqualTo(new CohortRetention.Share(1, 2, 2));
        assertThat(of2022.after(3)).isEqualTo(new CohortRetention.Share(3, 2, 1));
        assertThat(of2022.after(3).percent()).isEqualTo(50);
        assertThat(of2022.after(5).percent()).isNull();
        assertThat(cohorts.get(1).after(1)).isEqualTo(new CohortRetention.Share(1, 1, 0));
    }

    @Test
    void replaying_every_event_again_changes_nothing() {
        history();
        Map<String, List<Document>> before = Collections.snapshot(mongo.database, JourneyFunnelProjection.JOURNEYS,
                JourneyFunnelProjection.COHORTS);
        history.forEach(Runnable::run);
        assertThat(Collections.snapshot(mongo.database, JourneyFunnelProjection.JOURNEYS,
                JourneyFunnelProjection.COHORTS)).isEqualTo(before);
    }
}

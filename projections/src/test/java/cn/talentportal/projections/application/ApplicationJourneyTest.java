package cn.talentportal.projections.application;

import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedIn;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedOut;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationWithdrawn;
import cn.talentportal.domain.candidate.CandidateEvents.CandidatePlaced;
import cn.talentportal.domain.candidate.CandidateEvents.ContractSigned;
import cn.talentportal.domain.candidate.CandidateEvents.OfferAccepted;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExtended;
import cn.talentportal.domain.candidate.OfferTerms;
import cn.talentportal.domain.interview.InterviewEvents.CandidateDidNotShow;
import cn.talentportal.domain.interview.InterviewEvents.InterviewCancelled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewHeld;
import cn.talentportal.domain.interview.InterviewEvents.InterviewOutcomeDecided;
import cn.talentportal.domain.interview.InterviewEvents.InterviewRescheduled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.domain.interview.InterviewEvents.ScorecardSubmitted;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsForEmployer;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfCandidate;
import cn.talentportal.projections.application.ApplicationQueries.FindOpeningPipeline;
import cn.talentportal.projections.interview.InterviewProjection;
import cn.talentportal.projections.testing.Collections;
import cn.talentportal.projections.testing.InMemoryMongo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The application journey and the opening pipeline after each step, on the wire server, replayed twice. */
class ApplicationJourneyTest {

    static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");
    static final InterviewSlot SLOT = new InterviewSlot(T0.plus(Duration.ofDays(3)),
            T0.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(45)));
    static final InterviewSlot LATER = new InterviewSlot(SLOT.start().plus(Duration.ofDays(1)),
            SLOT.end().plus(Duration.ofDays(1)));

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final ApplicationProjection applications = new ApplicationProjection(mongo.database,
            SimpleQueryUpdateEmitter.builder().build());
    private final InterviewProjection interviews = new InterviewProjection(mongo.database);
    private final ApplicationJourneyQueries queries = new ApplicationJourneyQueries(mongo.database, interviews);
    /** What happened so far, to replay. */
    private final List<Runnable> history = new ArrayList<>();

    @AfterEach
    void close() {
        mongo.close();
    }

    private void happen(Runnable event) {
        event.run();
        history.add(event);
    }

    private ApplicationView recruiterView(String applicationId) {
        return queries.handle(new FindApplicationsForEmployer("u1")).stream()
                .filter(a -> a.applicationId().equals(applicationId)).findFirst().orElseThrow();
    }

    private void submit(String applicationId, String candidateId, String name) {
        happen(() -> applications.on(new ApplicationSubmitted(candidateId, applicationId, name, "o1", "初中语文教师",
                "u1", "县第一中学"), T0));
    }

    private void schedule(String interviewId, String applicationId, Instant at) {
        InterviewScheduled scheduled = new InterviewScheduled(interviewId, applicationId, "c1", "王芳", "o1",
                "初中语文教师", List.of(new PanelMember("r1", "周校长"), new PanelMember("r2", "吴主任")), SLOT, "rb1",
                "教师岗位面试评分表", 1, List.of());
        happen(() -> applications.on(scheduled));
        happen(() -> interviews.on(scheduled, at));
    }

    @Test
    void each_step_shows_a_coarse_stage_to_the_candidate_and_a_detailed_status_to_recruiters() {
        submit("a1", "c1", "王芳");
        assertThat(recruiterView("a1")).satisfies(a -> {
            assertThat(a.stage()).isEqualTo(CandidateStage.APPLIED);
            assertThat(a.status()).isEqualTo(ApplicationStatus.SUBMITTED);
            assertThat(a.submittedAt()).isEqualTo(T0);
        });

        happen(() -> applications.on(new ApplicationScreenedIn("c1", "王芳", "a1", "o1", "初中语文教师", "u1", "县第一中学",
                "专业对口"), T0.plusSeconds(60)));
        assertThat(recruiterView("a1").stage()).isEqualTo(CandidateStage.IN_REVIEW);
        assertThat(recruiterView("a1").recruiterDetail().screeningReason()).isEqualTo("专业对口");

        schedule("i1", "a1", T0.plusSeconds(120));
        assertThat(recruiterView("a1").status()).isEqualTo(ApplicationStatus.INTERVIEW_SCHEDULED);
        assertThat(recruiterView("a1").interviewSlot()).isEqualTo(SLOT);

        happen(() -> interviews.on(new CandidateDidNotShow("i1", "c1", "王芳", "初中语文教师", SLOT, "堵车")));
        assertThat(recruiterView("a1").status()).isEqualTo(ApplicationStatus.INTERVIEW_NO_SHOW);
        happen(() -> interviews.on(new InterviewRescheduled("i1", "c1", SLOT, LATER, "候选人申请改期")));
        assertThat(recruiterView("a1")).satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.INTERVIEW_RESCHEDULED);
            assertThat(a.stage()).isEqualTo(CandidateStage.INTERVIEW);
            assertThat(a.interviewSlot()).isEqualTo(LATER);
            assertThat(a.recruiterDetail().reason()).isEqualTo("候选人申请改期");
        });

        happen(() -> interviews.on(new InterviewHeld("i1", "c1", LATER.start(), LATER.end())));
        for (String member : List.of("r1", "r2", "r1")) { // r1's scorecard delivered twice
            happen(() -> interviews.on(new ScorecardSubmitted("i1", "c1", "a1", member, member, "rb1", 1, Map.of(),
                    BigDecimal.TEN, "")));
        }
        assertThat(recruiterView("a1").status()).isEqualTo(ApplicationStatus.INTERVIEW_HELD);
        assertThat(recruiterView("a1").recruiterDetail().scorecards()).isEqualTo(2);
        happen(() -> interviews.on(new InterviewOutcomeDecided("i1", "c1", "a1", InterviewOutcome.RECOMMENDED,
                new BigDecimal("88.50"), List.of(), "一致推荐")));
        assertThat(recruiterView("a1")).satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.INTERVIEW_RECOMMENDED);
            assertThat(a.recruiterDetail().outcome()).isEqualTo(InterviewOutcome.RECOMMENDED);
            assertThat(a.recruiterDetail().averageScore()).isEqualTo("88.50");
        });

        LocalDate start = LocalDate.of(2026, 12, 1);
        happen(() -> applications.on(new OfferExtended("c1", "王芳", "a1", "o1", "初中语文教师", "县第一中学", "i1",
                new OfferTerms("初中语文教师", 5800, start, start.minusDays(7)), "一致推荐"), T0.plusSeconds(600)));
        assertThat(recruiterView("a1").stage()).isEqualTo(CandidateStage.OFFER);
        assertThat(recruiterView("a1").recruiterDetail().monthlySalary()).isEqualTo(5800);
        happen(() -> applications.on(new OfferAccepted("c1", "王芳", "a1", "o1", "初中语文教师", "县第一中学", "初中语文教师"),
                T0.plusSeconds(700)));
        assertThat(recruiterView("a1").status()).isEqualTo(ApplicationStatus.OFFER_ACCEPTED);
        happen(() -> applications.on(new ContractSigned("c1", "王芳", "a1", "o1", "初中语文教师", "u1", "县第一中学",
                Sector.EDUCATION, "城关镇", "初中语文教师", 5800, LocalDate.of(2026, 11, 20), 3), T0.plusSeconds(800)));
        assertThat(recruiterView("a1").stage()).isEqualTo(CandidateStage.SIGNED);
        happen(() -> applications.on(new CandidatePlaced("c1", "王芳", "a1", "o1", "初中语文教师", "u1", "县第一中学",
                Sector.EDUCATION, "城关镇", "初二语文教师", start, LocalDate.of(2026, 11, 20)), T0.plusSeconds(900)));
        assertThat(recruiterView("a1")).satisfies(a -> {
            assertThat(a.stage()).isEqualTo(CandidateStage.PLACED);
            assertThat(a.status()).isEqualTo(ApplicationStatus.PLACED);
            assertThat(a.recruiterDetail().post()).isEqualTo("初二语文教师");
            assertThat(a.recruiterDetail().signedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(a.recruiterDetail().startDate()).isEqualTo(start);
            assertThat(a.updatedAt()).isEqualTo(T0.plusSeconds(900));
        });

        // the candidate sees the stage, not the panel's scores or the reasons
        assertThat(queries.handle(new FindApplicationsOfCandidate("c1"))).singleElement().satisfies(a -> {
            assertThat(a.stage()).isEqualTo(CandidateStage.PLACED);
            assertThat(a.recruiterDetail()).isNull();
        });
        assertReplayChangesNothing();
    }

    @Test
    void screened_out_withdrawn_and_not_recommended_applications_are_closed_and_the_pipeline_counts_them() {
        submit("a1", "c1", "王芳");
        submit("a2", "c2", "李明");
        submit("a3", "c3", "张伟");
        submit("a4", "c4", "赵丽");
        submit("a5", "c5", "孙强");
        happen(() -> applications.on(new ApplicationScreenedOut("c2", "李明", "a2", "o1", "初中语文教师", "u1",
                "县第一中学", "无教师资格证"), T0));
        happen(() -> applications.on(new ApplicationWithdrawn("c3", "张伟", "a3", "o1", "初中语文教师", "u1",
                "县第一中学", "已在外地就业"), T0));
        happen(() -> applications.on(new ApplicationScreenedIn("c4", "赵丽", "a4", "o1", "初中语文教师", "u1",
                "县第一中学", "专业对口"), T0));
        schedule("i4", "a4", T0);
        happen(() -> interviews.on(new InterviewOutcomeDecided("i4", "c4", "a4", InterviewOutcome.NOT_RECOMMENDED,
                new BigDecimal("41.00"), List.of(), "试讲不达标")));
        happen(() -> applications.on(new ApplicationScreenedIn("c5", "孙强", "a5", "o1", "初中语文教师", "u1",
                "县第一中学", "专业对口"), T0));
        schedule("i5", "a5", T0);
        happen(() -> interviews.on(new InterviewCancelled("i5", "c5", "孙强", "初中语文教师", SLOT, "评委出差")));

        assertThat(recruiterView("a2").recruiterDetail().reason()).isEqualTo("无教师资格证");
        assertThat(recruiterView("a3").status()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(recruiterView("a4").status()).isEqualTo(ApplicationStatus.INTERVIEW_NOT_RECOMMENDED);
        assertThat(recruiterView("a4").recruiterDetail().reason()).isEqualTo("试讲不达标");
        assertThat(recruiterView("a5")).satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.INTERVIEW_CANCELLED);
            assertThat(a.stage()).isEqualTo(CandidateStage.IN_REVIEW);
            assertThat(a.interviewSlot()).isNull();
        });

        OpeningPipeline pipeline = queries.handle(new FindOpeningPipeline("o1"));
        assertThat(pipeline.columns()).extracting(OpeningPipeline.Column::stage)
                .containsExactly(CandidateStage.values());
        assertThat(pipeline.count(CandidateStage.APPLIED)).isEqualTo(1);
        assertThat(pipeline.count(CandidateStage.IN_REVIEW)).isEqualTo(1);
        assertThat(pipeline.count(CandidateStage.CLOSED)).isEqualTo(3);
        assertThat(pipeline.columns().stream().filter(c -> c.stage() == CandidateStage.CLOSED).findFirst()
                .orElseThrow().applications()).extracting(ApplicationView::applicationId)
                .containsExactlyInAnyOrder("a2", "a3", "a4");
        assertThat(queries.handle(new FindOpeningPipeline("other")).count(CandidateStage.APPLIED)).isZero();
        assertReplayChangesNothing();
    }

    /** Every event again, in order, as a processor does after a crash before its token was stored. */
    private void assertReplayChangesNothing() {
        var before = Collections.snapshot(mongo.database, ApplicationProjection.COLLECTION,
                InterviewProjection.COLLECTION);
        history.forEach(Runnable::run);
        assertThat(Collections.snapshot(mongo.database, ApplicationProjection.COLLECTION,
                InterviewProjection.COLLECTION)).isEqualTo(before);
    }
}

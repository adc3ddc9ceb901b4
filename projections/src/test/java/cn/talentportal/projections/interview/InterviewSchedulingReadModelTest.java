package cn.talentportal.projections.interview;

import cn.talentportal.domain.interview.Criterion;
import cn.talentportal.domain.interview.InterviewEvents.InterviewCancelled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewHeld;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.domain.interview.InterviewEvents.ScorecardSubmitted;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.domain.interview.RubricEvents.RubricDefined;
import cn.talentportal.domain.interview.RubricEvents.RubricRevised;
import cn.talentportal.projections.interview.InterviewQueries.CountInterviewsOfOpenings;
import cn.talentportal.projections.interview.InterviewQueries.FindBusySlots;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewDetail;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewsOfCandidate;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewsOfOpenings;
import cn.talentportal.projections.interview.InterviewQueries.FindRubrics;
import cn.talentportal.projections.testing.InMemoryMongo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduling screens' queries: busy slots, a unit's pages, a candidate's invitations, scorecards, rubrics. */
class InterviewSchedulingReadModelTest {

    static final Instant DAY = Instant.parse("2026-11-23T00:00:00Z");
    static final List<Criterion> CRITERIA = List.of(new Criterion("subject", "学科知识", 3, 10),
            new Criterion("fit", "扎根基层意愿", 1, 5));
    static final PanelMember ZHOU = new PanelMember("r1", "周校长");
    static final PanelMember WU = new PanelMember("r2", "吴主任");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final InterviewProjection interviews = new InterviewProjection(mongo.database);
    private final RubricProjection rubrics = new RubricProjection(mongo.database);

    @AfterEach
    void close() {
        mongo.close();
    }

    private static InterviewSlot at(int hour, int minutes) {
        Instant start = DAY.plus(Duration.ofHours(hour));
        return new InterviewSlot(start, start.plus(Duration.ofMinutes(minutes)));
    }

    private void schedule(String interviewId, String openingId, String candidateId, InterviewSlot slot,
                          PanelMember... panel) {
        interviews.on(new InterviewScheduled(interviewId, "a-" + interviewId, candidateId, "王芳", openingId,
                "初中语文教师", List.of(panel), slot, "rb1", "教师评分表", 2, CRITERIA), DAY);
    }

    @Test
    void busy_slots_are_the_panel_members_interviews_overlapping_the_day_without_cancelled_ones() {
        schedule("i1", "o1", "c1", at(2, 60), ZHOU, WU);
        schedule("i2", "o1", "c2", at(5, 30), WU);
        schedule("i3", "o1", "c3", at(6, 30), ZHOU);
        schedule("nextDay", "o1", "c4", at(30, 30), ZHOU);
        interviews.on(new InterviewCancelled("i3", "c3", "王芳", "初中语文教师", at(6, 30), "候选人已签约"));

        List<CalendarEntry> busy = interviews.handle(new FindBusySlots(Set.of("r1"), DAY, DAY.plus(Duration.ofDays(1))));
        assertThat(busy).extracting(CalendarEntry::interviewId).containsExactly("i1");
        assertThat(interviews.handle(new FindBusySlots(Set.of("r1", "r2"), DAY, DAY.plus(Duration.ofDays(1)))))
                .extracting(CalendarEntry::interviewId).containsExactly("i1", "i2");
        assertThat(interviews.handle(new FindBusySlots(Set.of(), DAY, DAY.plus(Duration.ofDays(1))))).isEmpty();
    }

    @Test
    void a_units_interviews_come_in_pages_latest_first_and_a_candidate_sees_only_their_own() {
        for (int i = 0; i < 5; i++) {
            schedule("u" + i, i % 2 == 0 ? "o1" : "o2", "c" + i, at(i, 30), ZHOU);
        }
        schedule("other", "o3", "c1", at(9, 30), WU);

        assertThat(interviews.handle(new CountInterviewsOfOpenings(List.of("o1", "o2")))).isEqualTo(5);
        assertThat(interviews.handle(new FindInterviewsOfOpenings(List.of("o1", "o2"), 0, 2)))
                .extracting(CalendarEntry::interviewId).containsExactly("u4", "u3");
        assertThat(interviews.handle(new FindInterviewsOfOpenings(List.of("o1", "o2"), 4, 2)))
                .extracting(CalendarEntry::interviewId).containsExactly("u0");
        assertThat(interviews.handle(new FindInterviewsOfOpenings(List.of(), 0, 10))).isEmpty();
        assertThat(interviews.handle(new FindInterviewsOfCandidate("c1")))
                .extracting(CalendarEntry::interviewId).containsExactly("u1", "other");
    }

    @Test
    void the_detail_keeps_the_rubric_version_and_each_scorecard_once_in_panel_order() {
        schedule("i1", "o1", "c1", at(2, 60), ZHOU, WU);
        interviews.on(new InterviewHeld("i1", "c1", at(2, 60).start(), at(2, 60).end()));
        Map<String, Integer> scores = new LinkedHashMap<>();
        scores.put("subject", 8);
        scores.put("fit", 4);
        ScorecardSubmitted byWu = new ScorecardSubmitted("i1", "c1", "a-i1", "r2", "吴主任", "rb1", 2, scores,
                new BigDecimal("80.00"), "表达清晰");
        interviews.on(byWu);
        interviews.on(byWu); // redelivered
        interviews.on(new ScorecardSubmitted("i1", "c1", "a-i1", "r1", "周校长", "rb1", 2, scores,
                new BigDecimal("80.00"), null));

        InterviewDetail detail = interviews.handle(new FindInterviewDetail("i1")).orElseThrow();
        assertThat(detail.rubricName()).isEqualTo("教师评分表");
        assertThat(detail.rubricVersion()).isEqualTo(2);
        assertThat(detail.criteria()).isEqualTo(CRITERIA);
        assertThat(detail.scorecards()).extracting(card -> card.panelMemberName()).containsExactly("周校长", "吴主任");
        assertThat(detail.scorecards().get(1).scores()).containsExactly(Map.entry("subject", 8), Map.entry("fit", 4));
        assertThat(detail.scorecards().get(1).weightedScore()).isEqualByComparingTo("80");
        assertThat(detail.scoredBy("r2")).isTrue();
        assertThat(interviews.handle(new FindInterviewDetail("unknown"))).isEmpty();
    }

    @Test
    void a_rubric_shows_its_latest_version_even_when_an_older_event_is_redelivered() {
        RubricDefined defined = new RubricDefined("rb1", "教师评分表", 1, CRITERIA);
        rubrics.on(defined);
        List<Criterion> revised = List.of(new Criterion("subject", "学科知识", 2, 10));
        rubrics.on(new RubricRevised("rb1", "教师评分表", 2, revised, "简化评分项"));
        rubrics.on(defined); // redelivered

        assertThat(rubrics.handle(new FindRubrics())).singleElement().satisfies(rubric -> {
            assertThat(rubric.version()).isEqualTo(2);
            assertThat(rubric.criteria()).isEqualTo(revised);
            assertThat(rubric.revisionReason()).isEqualTo("简化评分项");
        });
    }
}

package cn.talentportal.projections.interview;

import cn.talentportal.domain.interview.InterviewEvents.InterviewCancelled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewRescheduled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.InterviewStatus;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewCalendar;
import cn.talentportal.projections.testing.InMemoryMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InterviewCalendarTest {

    static final Instant NOW = Instant.parse("2026-11-02T02:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final InterviewProjection projection = new InterviewProjection(mongo.database);

    @AfterEach
    void close() {
        mongo.close();
    }

    private static InterviewSlot inDays(int days) {
        Instant start = NOW.plus(Duration.ofDays(days));
        return new InterviewSlot(start, start.plus(Duration.ofMinutes(45)));
    }

    private void schedule(String interviewId, String candidateName, InterviewSlot slot, PanelMember... panel) {
        projection.on(new InterviewScheduled(interviewId, "a-" + interviewId, "c-" + interviewId, candidateName, "o1",
                "初中语文教师", List.of(panel), slot, "rb1", "评分表", 1, List.of()), NOW);
    }

    @Test
    void a_panel_member_sees_upcoming_interviews_soonest_first_with_moves_and_cancellations() {
        PanelMember zhou = new PanelMember("r1", "周校长");
        PanelMember wu = new PanelMember("r2", "吴主任");
        schedule("past", "旧面试", inDays(-2), zhou);
        schedule("i1", "王芳", inDays(5), zhou, wu);
        schedule("i2", "李明", inDays(2), zhou);
        schedule("i3", "张伟", inDays(3), wu);
        projection.on(new InterviewRescheduled("i1", "c-i1", inDays(5), inDays(1), "评委时间冲突"));
        projection.on(new InterviewRescheduled("i1", "c-i1", inDays(5), inDays(1), "评委时间冲突")); // redelivered
        projection.on(new InterviewCancelled("i2", "c-i2", "李明", "初中语文教师", inDays(2), "候选人已签约他处"));

        List<CalendarEntry> zhouCalendar = projection.handle(new FindInterviewCalendar("r1", NOW));
        assertThat(zhouCalendar).extracting(CalendarEntry::interviewId).containsExactly("i1", "i2");
        assertThat(zhouCalendar.get(0)).satisfies(e -> {
            assertThat(e.slot()).isEqualTo(inDays(1));
            assertThat(e.rescheduled()).isTrue();
            assertThat(e.candidateName()).isEqualTo("王芳");
            assertThat(e.openingTitle()).isEqualTo("初中语文教师");
            assertThat(e.panel()).containsExactly(zhou, wu);
        });
        assertThat(zhouCalendar.get(1).cancelled()).isTrue();
        assertThat(zhouCalendar.get(1).status()).isEqualTo(InterviewStatus.CANCELLED);
        assertThat(projection.handle(new FindInterviewCalendar("r2", NOW))).extracting(CalendarEntry::interviewId)
                .containsExactly("i1", "i3");
        assertThat(projection.handle(new FindInterviewCalendar("r1", null))).hasSize(3);
    }
}

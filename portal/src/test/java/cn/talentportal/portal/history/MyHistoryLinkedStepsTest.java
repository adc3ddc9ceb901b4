package cn.talentportal.portal.history;

import cn.talentportal.domain.interview.InterviewCommands.RecordInterviewHeld;
import cn.talentportal.domain.interview.InterviewCommands.SubmitScorecard;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.scheduling.SchedulingFixture;
import cn.talentportal.portal.scheduling.SchedulingFixture.Application;
import cn.talentportal.portal.scheduling.SchedulingFixture.Graduate;
import cn.talentportal.portal.scheduling.SchedulingFixture.School;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

/** My history tells the candidate's interview steps too, but never the panel's scores. */
class MyHistoryLinkedStepsTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_interview_steps_are_in_the_candidates_history_and_the_scorecards_are_not() {
        SchedulingFixture fixture = new SchedulingFixture(commands, accounts, clock);
        School school = fixture.school("县第六中学" + SchedulingFixture.suffix());
        String rubricId = fixture.rubric(school);
        Graduate graduate = fixture.graduate("蒋若初");
        Application application = fixture.screenedIn(school, graduate, "初中历史教师" + SchedulingFixture.suffix());
        InterviewSlot slot = fixture.tomorrowAt(9, 45);
        String interviewId = fixture.schedule(school, application, rubricId, slot);
        clock.advance(Duration.ofDays(2));
        actAs(school.recruiter());
        commands.send(new RecordInterviewHeld(interviewId, slot.start(), slot.end()));
        commands.send(new SubmitScorecard(interviewId, school.recruiter().userId(),
                Map.of("subject", 8, "teaching", 7, "fit", 4), "板书清晰"));
        actAsNobody();

        signIn(graduate.account());
        List<String> types = eventually(() -> {
            UI.getCurrent().navigate(MyHistoryView.class);
            return _find(Div.class, spec -> spec.withClasses("portal-history-entry")).stream()
                    .map(line -> line.getElement().getAttribute("data-event-type")).toList();
        }, shown -> shown.contains("InterviewHeld"), "the interview held in the history");
        assertThat(types).contains("InterviewScheduled", "InterviewHeld", "ApplicationScreenedIn")
                .doesNotContain("ScorecardSubmitted");
    }
}

package cn.talentportal.portal.journey;

import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.journey.JourneySteps.Graduate;
import cn.talentportal.portal.journey.JourneySteps.Unit;
import cn.talentportal.portal.shared.Commands;
import java.time.Clock;

/**
 * An interview scheduled the way the journey schedules one (a school, two recruiters on the panel with email
 * addresses, a screened-in graduate), for the tests of other features: the room, the invitations.
 */
public final class ScheduledInterviews {

    private final JourneySteps steps;
    private final UserAccounts accounts;

    public ScheduledInterviews(Commands commands, UserAccounts accounts, Clock clock) {
        this.steps = new JourneySteps(commands, accounts, clock);
        this.accounts = accounts;
    }

    /** The recruiter and the panelist sit on the panel; {@code admin} defined the rubric. */
    public record Scheduled(String interviewId, InterviewSlot slot, String candidateId, String candidateName,
                            UserAccount candidate, UserAccount recruiter, UserAccount panelist, UserAccount admin,
                            String openingTitle) {
    }

    public Scheduled schedule(String schoolName, String graduateName, String openingTitle, InterviewSlot slot) {
        Unit school = steps.schoolWithRecruiters(schoolName);
        accounts.setEmail(school.recruiter().username(), school.recruiter().username() + "@school.example.cn");
        accounts.setEmail(school.panelist().username(), school.panelist().username() + "@school.example.cn");
        String rubricId = steps.defineRubric(school.admin());
        String openingId = steps.publishOpening(school, openingTitle, 1);
        Graduate graduate = steps.selfRegistered(graduateName);
        String applicationId = steps.apply(graduate, openingId);
        steps.screenIn(school, graduate, applicationId);
        String interviewId = steps.scheduleInterview(school, graduate, applicationId, rubricId, slot);
        return new Scheduled(interviewId, slot, graduate.candidateId(), graduate.name(), graduate.account(),
                school.recruiter(), school.panelist(), school.admin(), openingTitle);
    }

    /** Someone with an account who is not on this interview: another school's recruiter. */
    public UserAccount outsider(String schoolName) {
        return steps.schoolWithRecruiters(schoolName).recruiter();
    }
}

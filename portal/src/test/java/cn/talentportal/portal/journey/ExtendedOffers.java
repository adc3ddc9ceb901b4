package cn.talentportal.portal.journey;

import cn.talentportal.domain.candidate.CandidateCommands.ExtendOffer;
import cn.talentportal.domain.candidate.OfferTerms;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.journey.JourneySteps.Graduate;
import cn.talentportal.portal.journey.JourneySteps.Unit;
import cn.talentportal.portal.shared.Commands;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An offer extended the way the journey extends one (a school, a screened-in graduate interviewed and recommended),
 * for the tests of other features: the offer letter mail. Moves the test clock past the interview; the caller
 * resets it.
 */
public final class ExtendedOffers {

    private final JourneySteps steps;
    private final Commands commands;
    private final TestClock clock;

    public ExtendedOffers(Commands commands, UserAccounts accounts, TestClock clock) {
        this.steps = new JourneySteps(commands, accounts, clock);
        this.commands = commands;
        this.clock = clock;
    }

    public record Offered(String candidateId, String candidateName, UserAccount candidate, String applicationId,
                          String interviewId, String openingTitle, String employerName, OfferTerms terms,
                          UserAccount recruiter) {
    }

    /** Interviewed in a slot two days ahead (the clock then moves past it), recommended, and offered these terms. */
    public Offered offer(String schoolName, String graduateName, String openingTitle, String post, int salary,
                         int startInDays, int answerInDays) {
        Unit school = steps.schoolWithRecruiters(schoolName);
        String rubricId = steps.defineRubric(school.admin());
        String openingId = steps.publishOpening(school, openingTitle, 1);
        Graduate graduate = steps.selfRegistered(graduateName);
        String applicationId = steps.apply(graduate, openingId);
        steps.screenIn(school, graduate, applicationId);
        Instant start = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        InterviewSlot slot = new InterviewSlot(start, start.plus(Duration.ofMinutes(45)));
        String interviewId = steps.scheduleInterview(school, graduate, applicationId, rubricId, slot);
        clock.advance(Duration.between(clock.instant(), slot.end()).plusHours(1));
        steps.holdAndRecommend(school, interviewId, slot);
        PortalTestBase.actAs(school.recruiter());
        OfferTerms terms = new OfferTerms(post, salary, LocalDate.now(clock).plusDays(startInDays),
                LocalDate.now(clock).plusDays(answerInDays));
        commands.send(new ExtendOffer(graduate.candidateId(), applicationId, interviewId, terms));
        return new Offered(graduate.candidateId(), graduate.name(), graduate.account(), applicationId, interviewId,
                openingTitle, schoolName, terms, school.recruiter());
    }
}

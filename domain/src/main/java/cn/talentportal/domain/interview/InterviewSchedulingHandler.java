package cn.talentportal.domain.interview;

import cn.talentportal.domain.candidate.Candidate;
import cn.talentportal.domain.candidate.Candidate.InterviewParty;
import cn.talentportal.domain.interview.InterviewBooking.Participant;
import cn.talentportal.domain.interview.InterviewCommands.CancelInterview;
import cn.talentportal.domain.interview.InterviewCommands.RescheduleInterview;
import cn.talentportal.domain.interview.InterviewCommands.ScheduleInterview;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Scheduling, rescheduling and cancelling an interview change the candidate's and every panel member's calendar
 * too. All of them are loaded in the same unit of work, so one clash on one calendar refuses everything and stores
 * nothing; the calendars themselves (aggregates, not a read model) keep two interviews booked at once from both
 * passing. Scheduling also asks the candidate: only a live, screened-in application is interviewed, and the
 * interview names the candidate and the opening as the application recorded them.
 */
public class InterviewSchedulingHandler {

    private final Repository<Interview> interviews;
    private final Repository<Candidate> candidates;
    private final Repository<Rubric> rubrics;
    private final Repository<ParticipantCalendar> calendars;

    public InterviewSchedulingHandler(Repository<Interview> interviews, Repository<Candidate> candidates,
                                      Repository<Rubric> rubrics, Repository<ParticipantCalendar> calendars) {
        this.interviews = interviews;
        this.candidates = candidates;
        this.rubrics = rubrics;
        this.calendars = calendars;
    }

    @CommandHandler
    public void handle(ScheduleInterview command, Clock clock, DeadlineManager deadlines) throws Exception {
        String candidateId = Require.text(command.candidateId(), "interview.candidate", 64);
        String applicationId = Require.text(command.applicationId(), "interview.application", 64);
        InterviewParty party = partyTo(candidateId, applicationId);
        String rubricId = Require.text(command.rubricId(), "interview.rubric", 64);
        RubricVersion rubric = currentVersionOf(rubricId);
        Aggregate<Interview> interview = interviews.newInstance(
                () -> new Interview(command, party, rubric, clock.instant(), deadlines));
        book(interview.invoke(Interview::booking));
    }

    @CommandHandler
    public void handle(RescheduleInterview command, Clock clock, DeadlineManager deadlines) throws Exception {
        InterviewBooking booking = interviews.load(command.interviewId()).invoke(interview ->
                interview.reschedule(command.newSlot(), command.reason(), clock.instant(), deadlines));
        book(booking);
    }

    @CommandHandler
    public void handle(CancelInterview command, DeadlineManager deadlines) {
        InterviewBooking booking = interviews.load(command.interviewId())
                .invoke(interview -> interview.cancel(command.reason(), deadlines));
        for (Participant participant : booking.participants()) {
            release(participant, booking.interviewId());
        }
    }

    private void release(Participant participant, String interviewId) {
        try {
            calendars.load(ParticipantCalendar.calendarIdOf(participant.participantId()))
                    .execute(calendar -> calendar.release(interviewId));
        } catch (AggregateNotFoundException neverBooked) {
            // a calendar that was never opened holds nothing to release
        }
    }

    /** The candidate says whether the application may be interviewed, and names it; refuses an unknown candidate. */
    private InterviewParty partyTo(String candidateId, String applicationId) {
        try {
            return candidates.load(candidateId).invoke(candidate -> candidate.interviewParty(applicationId));
        } catch (AggregateNotFoundException unknown) {
            throw new DomainRuleViolation("application.unknown", applicationId);
        }
    }

    private RubricVersion currentVersionOf(String rubricId) {
        try {
            return rubrics.load(rubricId).invoke(Rubric::currentVersion);
        } catch (AggregateNotFoundException unknown) {
            throw new DomainRuleViolation("interview.rubric.unknown", rubricId);
        }
    }

    /** Books the slot on every participant's calendar, releasing what the interview held there before. */
    private void book(InterviewBooking booking) throws Exception {
        for (Participant participant : booking.participants()) {
            calendars.loadOrCreate(ParticipantCalendar.calendarIdOf(participant.participantId()),
                    ParticipantCalendar::new).execute(calendar -> {
                calendar.release(booking.interviewId());
                calendar.book(booking.slot(), booking.interviewId(), booking.candidateId(),
                        participant.participantId(), participant.name());
            });
        }
    }
}

package cn.talentportal.domain.interview;

import cn.talentportal.domain.candidate.Candidate.InterviewParty;
import cn.talentportal.domain.interview.InterviewBooking.Participant;
import cn.talentportal.domain.interview.InterviewCommands.DecideInterviewOutcome;
import cn.talentportal.domain.interview.InterviewCommands.RecordInterviewHeld;
import cn.talentportal.domain.interview.InterviewCommands.RecordNoShow;
import cn.talentportal.domain.interview.InterviewCommands.ScheduleInterview;
import cn.talentportal.domain.interview.InterviewCommands.SubmitScorecard;
import cn.talentportal.domain.interview.InterviewEvents.CandidateDidNotShow;
import cn.talentportal.domain.interview.InterviewEvents.InterviewCancelled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewHeld;
import cn.talentportal.domain.interview.InterviewEvents.InterviewOutcomeDecided;
import cn.talentportal.domain.interview.InterviewEvents.InterviewReminderDue;
import cn.talentportal.domain.interview.InterviewEvents.InterviewRescheduled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.domain.interview.InterviewEvents.ScorecardSubmitted;
import cn.talentportal.domain.interview.InterviewRoomCommands.AdmitCandidate;
import cn.talentportal.domain.interview.InterviewRoomCommands.EndInterview;
import cn.talentportal.domain.interview.InterviewRoomCommands.JoinInterviewRoom;
import cn.talentportal.domain.interview.InterviewRoomCommands.LeaveInterviewRoom;
import cn.talentportal.domain.interview.InterviewRoomCommands.ReportConnectionFailure;
import cn.talentportal.domain.interview.InterviewRoomCommands.StartInterview;
import cn.talentportal.domain.interview.InterviewRoomEvents.CandidateAdmitted;
import cn.talentportal.domain.interview.InterviewRoomEvents.ConnectionFailed;
import cn.talentportal.domain.interview.InterviewRoomEvents.InterviewEnded;
import cn.talentportal.domain.interview.InterviewRoomEvents.InterviewStarted;
import cn.talentportal.domain.interview.InterviewRoomEvents.ParticipantJoined;
import cn.talentportal.domain.interview.InterviewRoomEvents.ParticipantLeft;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An online interview of one screened-in application by a panel of one to five: scheduled on everyone's calendar
 * (through {@link InterviewSchedulingHandler}), held or missed, scored by every panel member against the rubric
 * version it was scheduled with, and decided with a reason. A cancelled or decided interview takes no more changes.
 * Online interviews take place in the portal's room: only the candidate and the panel enter, the candidate waits
 * until a panel member admits them, and the first admission starts the interview; its end makes it held.
 */
public class Interview {

    static final int LARGEST_PANEL = 5;
    static final String REMINDER = "interviewReminder";
    /** Reminders go out a day and an hour before the start. */
    static final List<Integer> REMINDER_HOURS_BEFORE = List.of(24, 1);
    /** People may enter the room a little early, to check camera and microphone. */
    static final Duration ROOM_OPENS_BEFORE = Duration.ofMinutes(15);
    static final String SYSTEM = "system";

    @AggregateIdentifier
    private String interviewId;
    private String applicationId;
    private String candidateId;
    private String candidateName;
    private String openingTitle;
    private List<PanelMember> panel;
    private InterviewSlot slot;
    private String rubricId;
    private int rubricVersion;
    private List<Criterion> criteria;
    private InterviewStatus status;
    private final Map<String, Scorecard> scorecardsByPanelMember = new LinkedHashMap<>();
    private InterviewVerdict verdict;
    /** Who is in the room now, by participant id; the candidate is in it while waiting too. */
    private final Map<String, RoomRole> inRoom = new LinkedHashMap<>();
    private boolean candidateWaiting;
    private Instant startedAt;

    protected Interview() {
        // for Axon
    }

    /**
     * Called by {@link InterviewSchedulingHandler}, which has asked the candidate who is interviewed for what, loaded
     * the rubric and books the calendars.
     */
    Interview(ScheduleInterview command, InterviewParty party, RubricVersion rubric, Instant now,
              DeadlineManager deadlines) {
        Require.text(command.interviewId(), "interview.id", 64);
        List<PanelMember> panel = validPanel(command.panel());
        InterviewSlot slot = Require.present(command.slot(), "interview.slot");
        refusePast(slot, now);
        apply(new InterviewScheduled(command.interviewId(), party.applicationId(), party.candidateId(),
                party.candidateName(), party.openingId(), party.openingTitle(), panel, slot, rubric.rubricId(),
                rubric.name(), rubric.version(), rubric.criteria()));
        scheduleReminders(slot, now, deadlines);
    }

    /** Called by {@link InterviewSchedulingHandler}, which moves the bookings to the new slot. */
    InterviewBooking reschedule(InterviewSlot newSlot, String reason, Instant now, DeadlineManager deadlines) {
        refuseChangesOnceFinal();
        refuseOnceHeld();
        Require.present(newSlot, "interview.slot");
        String why = Require.text(reason, "interview.rescheduleReason", 500);
        refusePast(newSlot, now);
        if (newSlot.equals(slot)) {
            throw new DomainRuleViolation("interview.reschedule.sameSlot", slot.inOfficeTime());
        }
        apply(new InterviewRescheduled(interviewId, candidateId, slot, newSlot, why));
        deadlines.cancelAllWithinScope(REMINDER);
        scheduleReminders(newSlot, now, deadlines);
        return booking();
    }

    /** Called by {@link InterviewSchedulingHandler}, which releases the bookings. */
    InterviewBooking cancel(String reason, DeadlineManager deadlines) {
        refuseChangesOnceFinal();
        refuseOnceHeld();
        String why = Require.text(reason, "interview.cancelReason", 500);
        apply(new InterviewCancelled(interviewId, candidateId, candidateName, openingTitle, slot, why));
        deadlines.cancelAllWithinScope(REMINDER);
        return booking();
    }

    /** Whose calendars this interview occupies: the candidate's and every panel member's. */
    InterviewBooking booking() {
        List<Participant> participants = new ArrayList<>();
        participants.add(new Participant(candidateId, candidateName));
        panel.forEach(member -> participants.add(new Participant(member.userId(), member.name())));
        return new InterviewBooking(interviewId, candidateId, slot, List.copyOf(participants));
    }

    @CommandHandler
    public void handle(RecordNoShow command, Clock clock) {
        refuseChangesOnceFinal();
        refuseOnceHeld();
        if (status == InterviewStatus.NO_SHOW) {
            throw new DomainRuleViolation("interview.noShow.alreadyRecorded", candidateName);
        }
        String reason = Require.text(command.reason(), "interview.noShowReason", 500);
        refuseBeforeStart(clock.instant());
        apply(new CandidateDidNotShow(interviewId, candidateId, candidateName, openingTitle, slot, reason));
    }

    @CommandHandler
    public void handle(RecordInterviewHeld command, Clock clock) {
        refuseChangesOnceFinal();
        refuseOnceHeld();
        if (status == InterviewStatus.NO_SHOW) {
            throw new DomainRuleViolation("interview.held.candidateDidNotShow", candidateName);
        }
        Instant startedAt = Require.present(command.startedAt(), "interview.startedAt");
        Instant endedAt = Require.present(command.endedAt(), "interview.endedAt");
        Instant now = clock.instant();
        refuseBeforeStart(now);
        if (!endedAt.isAfter(startedAt)) {
            throw new DomainRuleViolation("interview.held.endNotAfterStart");
        }
        if (endedAt.isAfter(now)) {
            throw new DomainRuleViolation("interview.held.endInFuture");
        }
        apply(new InterviewHeld(interviewId, candidateId, startedAt, endedAt));
    }

    @CommandHandler
    public void handle(SubmitScorecard command) {
        refuseChangesOnceFinal();
        if (status != InterviewStatus.HELD && startedAt == null) {
            throw new DomainRuleViolation("interview.scorecard.notHeld", candidateName);
        }
        PanelMember member = panel.stream()
                .filter(candidate -> candidate.userId().equals(command.panelMemberUserId()))
                .findFirst()
                .orElseThrow(() -> new DomainRuleViolation("interview.scorecard.notOnPanel", candidateName));
        if (scorecardsByPanelMember.containsKey(member.userId())) {
            throw new DomainRuleViolation("interview.scorecard.alreadySubmitted", member.name());
        }
        Map<String, Integer> scores = validScores(Require.present(command.scores(), "interview.scores"));
        String comment = Require.optionalText(command.comment(), "interview.comment", 2000);
        apply(new ScorecardSubmitted(interviewId, candidateId, applicationId, member.userId(), member.name(),
                rubricId, rubricVersion, scores, weightedScore(scores), comment));
    }

    @CommandHandler
    public void handle(DecideInterviewOutcome command) {
        refuseChangesOnceFinal();
        if (status != InterviewStatus.HELD) {
            throw new DomainRuleViolation("interview.decision.notHeld", candidateName);
        }
        InterviewOutcome outcome = Require.present(command.outcome(), "interview.outcome");
        String reason = Require.text(command.reason(), "interview.decisionReason", 1000);
        List<String> notScoredBy = panel.stream()
                .filter(member -> !scorecardsByPanelMember.containsKey(member.userId()))
                .map(PanelMember::name)
                .toList();
        if (!notScoredBy.isEmpty()) {
            throw new DomainRuleViolation("interview.decision.scorecardsMissing", String.join(", ", notScoredBy));
        }
        List<Scorecard> scorecards = panel.stream().map(m -> scorecardsByPanelMember.get(m.userId())).toList();
        BigDecimal average = scorecards.stream().map(Scorecard::weightedScore).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(scorecards.size()), 2, RoundingMode.HALF_UP);
        apply(new InterviewOutcomeDecided(interviewId, candidateId, applicationId, outcome, average, scorecards,
                reason));
    }

    /** The decided outcome for the application; refuses when the panel has not decided yet. */
    public InterviewVerdict verdictFor(String applicationId) {
        if (!applicationId.equals(this.applicationId)) {
            throw new DomainRuleViolation("offer.interview.otherApplication");
        }
        if (verdict == null) {
            throw new DomainRuleViolation("offer.interview.notDecided");
        }
        return verdict;
    }

    // the online room

    @CommandHandler
    public RoomPass handle(JoinInterviewRoom command, Clock clock) {
        refuseChangesOnceFinal();
        RoomRole role = roleOf(command.participantId());
        if (status != InterviewStatus.SCHEDULED) {
            throw new DomainRuleViolation("interview.room.closed", candidateName, openingTitle);
        }
        Instant now = clock.instant();
        if (now.isBefore(slot.start().minus(ROOM_OPENS_BEFORE))) {
            throw new DomainRuleViolation("interview.room.notOpenYet", slot.inOfficeTime(),
                    ROOM_OPENS_BEFORE.toMinutes());
        }
        if (!inRoom.containsKey(command.participantId())) {
            // a candidate who reconnects waits again: the panel sees who comes in
            apply(new ParticipantJoined(interviewId, candidateId, command.participantId(),
                    nameOf(command.participantId()), role, role == RoomRole.CANDIDATE, now));
        }
        return passOf(command.participantId());
    }

    @CommandHandler
    public void handle(LeaveInterviewRoom command, Clock clock) {
        RoomRole role = roleOf(command.participantId());
        if (!inRoom.containsKey(command.participantId())) {
            throw new DomainRuleViolation("interview.room.notInRoom", nameOf(command.participantId()));
        }
        Instant now = clock.instant();
        apply(new ParticipantLeft(interviewId, candidateId, command.participantId(), nameOf(command.participantId()),
                role, now));
        if (inRoom.isEmpty() && startedAt != null && status == InterviewStatus.SCHEDULED) {
            apply(ended(SYSTEM, now));
        }
    }

    @CommandHandler
    public void handle(AdmitCandidate command, Clock clock) {
        refuseChangesOnceFinal();
        PanelMember member = panelMember(command.panelMemberUserId());
        if (!inRoom.containsKey(member.userId())) {
            throw new DomainRuleViolation("interview.room.notInRoom", member.name());
        }
        if (!candidateWaiting) {
            throw new DomainRuleViolation("interview.room.candidateNotWaiting", candidateName);
        }
        Instant now = clock.instant();
        apply(new CandidateAdmitted(interviewId, candidateId, candidateName, member.userId(), member.name(), now));
        if (startedAt == null) {
            apply(new InterviewStarted(interviewId, candidateId, candidateName, openingTitle, member.userId(), now));
        }
    }

    @CommandHandler
    public void handle(ReportConnectionFailure command, Clock clock) {
        roleOf(command.participantId());
        String reason = Require.text(command.reason(), "interview.room.failureReason", 500);
        String peerId = Require.optionalText(command.peerId(), "interview.room.peer", 64);
        apply(new ConnectionFailed(interviewId, candidateId, command.participantId(), nameOf(command.participantId()),
                peerId == null ? "" : peerId, reason, clock.instant()));
    }

    @CommandHandler
    public void handle(StartInterview command, Clock clock) {
        refuseChangesOnceFinal();
        PanelMember member = panelMember(command.panelMemberUserId());
        if (status != InterviewStatus.SCHEDULED) {
            throw new DomainRuleViolation("interview.room.closed", candidateName, openingTitle);
        }
        if (startedAt != null) {
            throw new DomainRuleViolation("interview.room.alreadyStarted", candidateName);
        }
        Instant now = clock.instant();
        if (now.isBefore(slot.start().minus(ROOM_OPENS_BEFORE))) {
            throw new DomainRuleViolation("interview.room.notOpenYet", slot.inOfficeTime(),
                    ROOM_OPENS_BEFORE.toMinutes());
        }
        apply(new InterviewStarted(interviewId, candidateId, candidateName, openingTitle, member.userId(), now));
    }

    @CommandHandler
    public void handle(EndInterview command, Clock clock) {
        refuseChangesOnceFinal();
        PanelMember member = panelMember(command.panelMemberUserId());
        if (startedAt == null) {
            throw new DomainRuleViolation("interview.room.notStarted", candidateName);
        }
        if (status != InterviewStatus.SCHEDULED) {
            throw new DomainRuleViolation("interview.alreadyHeld", candidateName, openingTitle);
        }
        apply(ended(member.userId(), clock.instant()));
    }

    /** Who may be in the room right now, and whether each waits: for the signalling server after a restart. */
    public List<RoomPass> presentInRoom() {
        return inRoom.keySet().stream().map(this::passOf).toList();
    }

    private InterviewEnded ended(String endedBy, Instant now) {
        return new InterviewEnded(interviewId, candidateId, endedBy, startedAt, now,
                Duration.between(startedAt, now).toSeconds());
    }

    private RoomPass passOf(String participantId) {
        RoomRole role = roleOf(participantId);
        return new RoomPass(interviewId, participantId, nameOf(participantId), role,
                role == RoomRole.CANDIDATE && candidateWaiting);
    }

    /** Only the candidate and the panel of this interview are invited. */
    private RoomRole roleOf(String participantId) {
        if (participantId != null && participantId.equals(candidateId)) {
            return RoomRole.CANDIDATE;
        }
        if (panel.stream().anyMatch(member -> member.userId().equals(participantId))) {
            return RoomRole.PANEL;
        }
        throw new DomainRuleViolation("interview.room.notInvited");
    }

    private PanelMember panelMember(String userId) {
        if (userId != null && userId.equals(candidateId)) {
            throw new DomainRuleViolation("interview.room.panelOnly");
        }
        return panel.stream().filter(member -> member.userId().equals(userId)).findFirst()
                .orElseThrow(() -> new DomainRuleViolation("interview.room.notInvited"));
    }

    private String nameOf(String participantId) {
        return participantId.equals(candidateId) ? candidateName : panel.stream()
                .filter(member -> member.userId().equals(participantId)).findFirst().orElseThrow().name();
    }

    @DeadlineHandler(deadlineName = REMINDER)
    void remind(Reminder reminder) {
        // A reminder for a slot since moved or cancelled may still fire if its cancellation raced it: skip it.
        if (status == InterviewStatus.SCHEDULED && slot.start().equals(reminder.slotStart())) {
            apply(new InterviewReminderDue(interviewId, candidateId, candidateName, openingTitle, slot,
                    reminder.hoursBefore(), panel));
        }
    }

    /** The payload of a reminder deadline. */
    public record Reminder(int hoursBefore, Instant slotStart) {
    }

    private static List<PanelMember> validPanel(List<PanelMember> panel) {
        if (panel == null || panel.isEmpty() || panel.size() > LARGEST_PANEL) {
            throw new DomainRuleViolation("interview.panel.size", 1, LARGEST_PANEL);
        }
        Set<String> userIds = new HashSet<>();
        List<PanelMember> valid = new ArrayList<>();
        for (PanelMember member : panel) {
            Require.present(member, "interview.panelMember");
            String userId = Require.text(member.userId(), "interview.panelMember.userId", 64);
            String name = Require.text(member.name(), "interview.panelMember.name", 50);
            if (!userIds.add(userId)) {
                throw new DomainRuleViolation("interview.panel.duplicateMember", name);
            }
            valid.add(new PanelMember(userId, name));
        }
        return List.copyOf(valid);
    }

    private static void refusePast(InterviewSlot slot, Instant now) {
        if (!slot.start().isAfter(now)) {
            throw new DomainRuleViolation("interview.slot.inPast", slot.inOfficeTime());
        }
    }

    private static void scheduleReminders(InterviewSlot slot, Instant now, DeadlineManager deadlines) {
        for (int hoursBefore : REMINDER_HOURS_BEFORE) {
            Instant due = slot.start().minus(Duration.ofHours(hoursBefore));
            if (due.isAfter(now)) {
                deadlines.schedule(due, REMINDER, new Reminder(hoursBefore, slot.start()));
            }
        }
    }

    private void refuseChangesOnceFinal() {
        if (status == InterviewStatus.CANCELLED) {
            throw new DomainRuleViolation("interview.cancelled", candidateName, openingTitle);
        }
        if (status == InterviewStatus.DECIDED) {
            throw new DomainRuleViolation("interview.decided", candidateName, openingTitle);
        }
    }

    private void refuseOnceHeld() {
        if (status == InterviewStatus.HELD) {
            throw new DomainRuleViolation("interview.alreadyHeld", candidateName, openingTitle);
        }
        if (startedAt != null) {
            throw new DomainRuleViolation("interview.room.alreadyStarted", candidateName);
        }
    }

    private void refuseBeforeStart(Instant now) {
        if (now.isBefore(slot.start())) {
            throw new DomainRuleViolation("interview.notStartedYet", slot.inOfficeTime());
        }
    }

    /** Every criterion scored within 0 to its top score, nothing else; kept in the rubric's order. */
    private Map<String, Integer> validScores(Map<String, Integer> scores) {
        for (String key : scores.keySet()) {
            if (criteria.stream().noneMatch(criterion -> criterion.key().equals(key))) {
                throw new DomainRuleViolation("interview.scorecard.unknownCriterion", key);
            }
        }
        Map<String, Integer> valid = new LinkedHashMap<>();
        for (Criterion criterion : criteria) {
            Integer score = scores.get(criterion.key());
            if (score == null) {
                throw new DomainRuleViolation("interview.scorecard.missingScore", criterion.label());
            }
            if (score < 0 || score > criterion.maxScore()) {
                throw new DomainRuleViolation("interview.scorecard.scoreOutOfRange", criterion.label(),
                        criterion.maxScore());
            }
            valid.put(criterion.key(), score);
        }
        return Collections.unmodifiableMap(valid);
    }

    /** 0 to 100: each criterion's share of its top score, weighted by the criterion's weight. */
    private BigDecimal weightedScore(Map<String, Integer> scores) {
        BigDecimal weighted = BigDecimal.ZERO;
        long totalWeight = 0;
        for (Criterion criterion : criteria) {
            weighted = weighted.add(BigDecimal.valueOf((long) criterion.weight() * scores.get(criterion.key()))
                    .divide(BigDecimal.valueOf(criterion.maxScore()), 10, RoundingMode.HALF_UP));
            totalWeight += criterion.weight();
        }
        return weighted.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(totalWeight), 2,
                RoundingMode.HALF_UP);
    }

    @EventSourcingHandler
    void on(InterviewScheduled event) {
        interviewId = event.interviewId();
        applicationId = event.applicationId();
        candidateId = event.candidateId();
        candidateName = event.candidateName();
        openingTitle = event.openingTitle();
        panel = List.copyOf(event.panel());
        slot = event.slot();
        rubricId = event.rubricId();
        rubricVersion = event.rubricVersion();
        criteria = List.copyOf(event.criteria());
        status = InterviewStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(InterviewRescheduled event) {
        slot = event.slot();
        status = InterviewStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(InterviewCancelled event) {
        status = InterviewStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(CandidateDidNotShow event) {
        status = InterviewStatus.NO_SHOW;
    }

    @EventSourcingHandler
    void on(InterviewHeld event) {
        status = InterviewStatus.HELD;
    }

    @EventSourcingHandler
    void on(ScorecardSubmitted event) {
        scorecardsByPanelMember.put(event.panelMemberUserId(), new Scorecard(event.panelMemberUserId(),
                event.panelMemberName(), event.scores(), event.weightedScore(), event.comment()));
    }

    @EventSourcingHandler
    void on(InterviewOutcomeDecided event) {
        verdict = new InterviewVerdict(interviewId, applicationId, event.outcome(), event.reason());
        status = InterviewStatus.DECIDED;
    }

    @EventSourcingHandler
    void on(ParticipantJoined event) {
        inRoom.put(event.participantId(), event.role());
        if (event.role() == RoomRole.CANDIDATE) {
            candidateWaiting = event.waiting();
        }
    }

    @EventSourcingHandler
    void on(ParticipantLeft event) {
        inRoom.remove(event.participantId());
        if (event.role() == RoomRole.CANDIDATE) {
            candidateWaiting = false;
        }
    }

    @EventSourcingHandler
    void on(CandidateAdmitted event) {
        candidateWaiting = false;
    }

    @EventSourcingHandler
    void on(InterviewStarted event) {
        startedAt = event.startedAt();
    }

    @EventSourcingHandler
    void on(InterviewEnded event) {
        status = InterviewStatus.HELD;
    }
}

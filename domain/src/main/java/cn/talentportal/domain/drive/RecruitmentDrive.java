package cn.talentportal.domain.drive;

import cn.talentportal.domain.drive.DriveCommands.CancelDrive;
import cn.talentportal.domain.drive.DriveCommands.MarkDriveHeld;
import cn.talentportal.domain.drive.DriveCommands.PlanDrive;
import cn.talentportal.domain.drive.DriveCommands.RecordAttendance;
import cn.talentportal.domain.drive.DriveCommands.SignUpForDrive;
import cn.talentportal.domain.drive.DriveCommands.UnfeatureOpening;
import cn.talentportal.domain.drive.DriveEvents.CandidateRegisteredForDrive;
import cn.talentportal.domain.drive.DriveEvents.DriveAttended;
import cn.talentportal.domain.drive.DriveEvents.DriveCancelled;
import cn.talentportal.domain.drive.DriveEvents.DriveHeld;
import cn.talentportal.domain.drive.DriveEvents.DrivePlanned;
import cn.talentportal.domain.drive.DriveEvents.OpeningFeatured;
import cn.talentportal.domain.drive.DriveEvents.OpeningUnfeatured;
import cn.talentportal.domain.opening.Opening.OpeningTerms;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A campus recruitment at a university, an online job fair or a livestream (直播带岗): planned, openings
 * featured, candidates registered and attending, then held or cancelled.
 */
public class RecruitmentDrive {

    @AggregateIdentifier
    private String driveId;
    private String title;
    private DriveKind kind;
    private Instant startsAt;
    private Instant endsAt;
    private boolean held;
    private boolean cancelled;
    /** Titles by opening id, so an unfeatured opening is named as it was featured. */
    private final Map<String, String> featuredOpenings = new HashMap<>();
    /** Names by candidate id, so attendance names the candidate as they registered. */
    private final Map<String, String> registeredCandidates = new HashMap<>();
    private final Set<String> attendees = new HashSet<>();

    protected RecruitmentDrive() {
        // for Axon
    }

    @CommandHandler
    public RecruitmentDrive(PlanDrive command, Clock clock) {
        DriveKind kind = Require.present(command.kind(), "drive.kind");
        String title = Require.text(command.title(), "drive.title", 100);
        String university = kind == DriveKind.CAMPUS_RECRUITMENT
                ? Require.text(command.university(), "drive.university", 100)
                : Require.optionalText(command.university(), "drive.university", 100);
        String venue = Require.text(command.venue(), "drive.venue", 500);
        Instant startsAt = Require.present(command.startsAt(), "drive.startsAt");
        Instant endsAt = Require.present(command.endsAt(), "drive.endsAt");
        String organiserName = Require.text(command.organiserName(), "drive.organiserName", 100);
        if (!endsAt.isAfter(startsAt)) {
            throw new DomainRuleViolation("drive.plan.endsBeforeStart", title);
        }
        if (startsAt.isBefore(clock.instant())) {
            throw new DomainRuleViolation("drive.plan.inThePast", title);
        }
        apply(new DrivePlanned(command.driveId(), kind, title, university, venue, startsAt, endsAt, organiserName));
    }

    /** Features an opening that agreed to it ({@link cn.talentportal.domain.opening.Opening#describeForFeaturing()}). */
    public void feature(OpeningTerms opening) {
        refuseWhenOver();
        if (featuredOpenings.containsKey(opening.openingId())) {
            throw new DomainRuleViolation("drive.feature.alreadyFeatured", opening.title(), title);
        }
        apply(new OpeningFeatured(driveId, title, opening.openingId(), opening.title(), opening.employerName()));
    }

    @CommandHandler
    public void handle(UnfeatureOpening command) {
        String reason = Require.text(command.reason(), "drive.unfeatureReason", 500);
        refuseWhenOver();
        String openingTitle = featuredOpenings.get(command.openingId());
        if (openingTitle == null) {
            throw new DomainRuleViolation("drive.unfeature.notFeatured", command.openingId(), title);
        }
        apply(new OpeningUnfeatured(driveId, title, command.openingId(), openingTitle, reason));
    }

    /**
     * Registers a candidate until the drive ends. A candidate who registers with the portal through the drive
     * keeps the returned drive as their channel.
     */
    public DriveRegistration registerCandidate(String candidateId, String candidateName, Instant now) {
        Require.text(candidateId, "drive.candidate", 64);
        String name = Require.text(candidateName, "candidate.fullName", 50);
        refuseWhenOver();
        if (now.isAfter(endsAt)) {
            throw new DomainRuleViolation("drive.registration.ended", title);
        }
        if (registeredCandidates.containsKey(candidateId)) {
            throw new DomainRuleViolation("drive.registration.alreadyRegistered", name, title);
        }
        apply(new CandidateRegisteredForDrive(driveId, title, kind, candidateId, name));
        return new DriveRegistration(driveId, title, kind);
    }

    @CommandHandler
    public void handle(SignUpForDrive command, Clock clock) {
        registerCandidate(command.candidateId(), command.candidateName(), clock.instant());
    }

    /** Attendance may be recorded after the drive was marked held, from the sign-in sheets. */
    @CommandHandler
    public void handle(RecordAttendance command, Clock clock) {
        if (cancelled) {
            throw new DomainRuleViolation("drive.cancelled", title);
        }
        String candidateName = registeredCandidates.get(command.candidateId());
        if (candidateName == null) {
            throw new DomainRuleViolation("drive.attendance.notRegistered", title);
        }
        if (clock.instant().isBefore(startsAt)) {
            throw new DomainRuleViolation("drive.attendance.notStarted", title);
        }
        if (attendees.contains(command.candidateId())) {
            throw new DomainRuleViolation("drive.attendance.alreadyRecorded", candidateName, title);
        }
        apply(new DriveAttended(driveId, title, command.candidateId(), candidateName));
    }

    @CommandHandler
    public void handle(MarkDriveHeld command, Clock clock) {
        String summary = Require.optionalText(command.summary(), "drive.summary", 2000);
        refuseWhenOver();
        if (clock.instant().isBefore(startsAt)) {
            throw new DomainRuleViolation("drive.held.notStarted", title);
        }
        apply(new DriveHeld(driveId, title, registeredCandidates.size(), attendees.size(), summary));
    }

    @CommandHandler
    public void handle(CancelDrive command) {
        String reason = Require.text(command.reason(), "drive.cancelReason", 500);
        refuseWhenOver();
        apply(new DriveCancelled(driveId, title, reason));
    }

    /** A held or cancelled drive is history: nothing more is featured, registered, held or cancelled. */
    private void refuseWhenOver() {
        if (cancelled) {
            throw new DomainRuleViolation("drive.cancelled", title);
        }
        if (held) {
            throw new DomainRuleViolation("drive.alreadyHeld", title);
        }
    }

    @EventSourcingHandler
    void on(DrivePlanned event) {
        driveId = event.driveId();
        title = event.driveTitle();
        kind = event.kind();
        startsAt = event.startsAt();
        endsAt = event.endsAt();
    }

    @EventSourcingHandler
    void on(OpeningFeatured event) {
        featuredOpenings.put(event.openingId(), event.openingTitle());
    }

    @EventSourcingHandler
    void on(OpeningUnfeatured event) {
        featuredOpenings.remove(event.openingId());
    }

    @EventSourcingHandler
    void on(CandidateRegisteredForDrive event) {
        registeredCandidates.put(event.candidateId(), event.candidateName());
    }

    @EventSourcingHandler
    void on(DriveAttended event) {
        attendees.add(event.candidateId());
    }

    @EventSourcingHandler
    void on(DriveHeld event) {
        held = true;
    }

    @EventSourcingHandler
    void on(DriveCancelled event) {
        cancelled = true;
    }
}

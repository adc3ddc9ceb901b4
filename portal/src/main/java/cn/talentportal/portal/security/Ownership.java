package cn.talentportal.portal.security;

import cn.talentportal.projections.application.ApplicationJourneyQueries;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfCandidate;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.projections.drive.DriveQueries.FindDriveOfUnit;
import cn.talentportal.projections.drive.DriveRegistrationsProjection;
import cn.talentportal.projections.interview.CalendarEntry;
import cn.talentportal.projections.interview.InterviewDetail;
import cn.talentportal.projections.interview.InterviewProjection;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewDetail;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewsOfCandidate;
import cn.talentportal.projections.opening.OpeningProjection;
import cn.talentportal.projections.opening.OpeningQueries.FindOpening;
import cn.talentportal.projections.opening.OpeningView;
import cn.talentportal.projections.retention.CaseloadEntry;
import cn.talentportal.projections.retention.RetentionCaseloadProjection;
import cn.talentportal.projections.retention.RetentionQueries.FindCasesOfCandidate;
import cn.talentportal.projections.retention.RetentionQueries.FindRetentionCase;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Whose an object is, from the read models. Asks the projections directly, not through the query bus, so that its
 * own look-ups are not themselves subject to authorization. Read models trail the event store by a moment: an object
 * not found yet is looked for again for a short while before the answer is "not yours", if its stream exists in the
 * event store (one exact-key lookup); a guessed id of nothing is refused at once, and so is an object found with
 * another owner.
 */
@Component
public class Ownership {

    private static final Duration READ_MODEL_LAG = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(50);

    private final OpeningProjection openings;
    private final ApplicationJourneyQueries applications;
    private final InterviewProjection interviews;
    private final DriveRegistrationsProjection drives;
    private final RetentionCaseloadProjection retentionCases;
    private final EventStore eventStore;

    public Ownership(OpeningProjection openings, ApplicationJourneyQueries applications,
                     InterviewProjection interviews, DriveRegistrationsProjection drives,
                     RetentionCaseloadProjection retentionCases, EventStore eventStore) {
        this.eventStore = eventStore;
        this.openings = openings;
        this.applications = applications;
        this.interviews = interviews;
        this.drives = drives;
        this.retentionCases = retentionCases;
    }

    public boolean unitOwnsOpening(String unitId, String openingId) {
        return unitId != null && openingId != null
                && awaitFound(openingId, () -> openings.handle(new FindOpening(openingId)))
                        .map(OpeningView::employerUnitId).filter(unitId::equals).isPresent();
    }

    public boolean unitOwnsOpenings(String unitId, Collection<String> openingIds) {
        return openingIds != null && openingIds.stream().allMatch(id -> unitOwnsOpening(unitId, id));
    }

    /** The application as the candidate's applications list it: its opening's unit decides. */
    public boolean unitOwnsApplication(String unitId, String candidateId, String applicationId) {
        return unitId != null && candidateId != null && applicationId != null
                && awaitFound(candidateId, () -> applications.handle(new FindApplicationsOfCandidate(candidateId))
                        .stream()
                        .filter(application -> applicationId.equals(application.applicationId())).findFirst())
                        .map(ApplicationView::employerUnitId).filter(unitId::equals).isPresent();
    }

    public boolean unitOwnsInterview(String unitId, String interviewId) {
        return unitId != null && interview(interviewId)
                .map(entry -> unitOwnsOpening(unitId, entry.openingId())).orElse(false);
    }

    public boolean candidateOfInterview(String candidateId, String interviewId) {
        return candidateId != null && interview(interviewId)
                .map(CalendarEntry::candidateId).filter(candidateId::equals).isPresent();
    }

    public boolean unitOwnsDrive(String unitId, String driveId) {
        return unitId != null && driveId != null
                && awaitFound(driveId, () -> drives.handle(new FindDriveOfUnit(driveId, unitId))).isPresent();
    }

    /** A case found but not yet assigned may be one whose assignment the read model has not seen: waited for. */
    public boolean specialistOfCase(String specialistUserId, String caseId) {
        return caseId != null && awaitFound(caseId, () -> retentionCases.handle(new FindRetentionCase(caseId))
                        .filter(c -> c.specialistUserId() != null))
                .map(CaseloadEntry::specialistUserId).filter(id -> id.equals(specialistUserId)).isPresent();
    }

    /** A case nobody looks after yet: any specialist may look at it before taking it on. */
    public boolean caseUnassigned(String caseId) {
        return retentionCase(caseId).map(c -> c.specialistUserId() == null).orElse(false);
    }

    public boolean candidateOfCase(String candidateId, String caseId) {
        return candidateId != null && retentionCase(caseId).map(CaseloadEntry::candidateId)
                .filter(candidateId::equals).isPresent();
    }

    /** Every stream named is the candidate's own, or one of their interviews or retention cases ("my history"). */
    public boolean streamsOfCandidate(String candidateId, Collection<String> streamIds) {
        if (candidateId == null || streamIds == null || streamIds.isEmpty()) {
            return false;
        }
        Set<String> theirs = new HashSet<>(Set.of(candidateId));
        interviews.handle(new FindInterviewsOfCandidate(candidateId)).forEach(e -> theirs.add(e.interviewId()));
        retentionCases.handle(new FindCasesOfCandidate(candidateId)).forEach(c -> theirs.add(c.caseId()));
        return theirs.containsAll(streamIds);
    }

    private Optional<CalendarEntry> interview(String interviewId) {
        return interviewId == null ? Optional.empty()
                : awaitFound(interviewId, () -> interviews.handle(new FindInterviewDetail(interviewId)))
                        .map(InterviewDetail::entry);
    }

    private Optional<CaseloadEntry> retentionCase(String caseId) {
        return caseId == null ? Optional.empty()
                : awaitFound(caseId, () -> retentionCases.handle(new FindRetentionCase(caseId)));
    }

    /** Looked for again while the read model may lag: only if {@code streamId} has events at all. */
    private <T> Optional<T> awaitFound(String streamId, Supplier<Optional<T>> lookup) {
        long deadline = System.nanoTime() + READ_MODEL_LAG.toNanos();
        Optional<T> found = lookup.get();
        if (found.isEmpty() && eventStore.lastSequenceNumberFor(streamId).isEmpty()) {
            return found;
        }
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            found = lookup.get();
        }
        return Objects.requireNonNull(found);
    }
}

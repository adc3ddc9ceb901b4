package cn.talentportal.projections.application;

import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.projections.interview.InterviewState;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where an application stands in the detail a recruiter needs; translated as {@code applicationStatus.<NAME>}.
 * Each status has the coarse {@link CandidateStage} the candidate sees: both come from the same events.
 */
public enum ApplicationStatus {
    SUBMITTED(CandidateStage.APPLIED),
    SCREENED_IN(CandidateStage.IN_REVIEW),
    SCREENED_OUT(CandidateStage.CLOSED),
    INTERVIEW_SCHEDULED(CandidateStage.INTERVIEW),
    INTERVIEW_RESCHEDULED(CandidateStage.INTERVIEW),
    INTERVIEW_NO_SHOW(CandidateStage.INTERVIEW),
    /** The interview was called off; the application is back in review until another is scheduled. */
    INTERVIEW_CANCELLED(CandidateStage.IN_REVIEW),
    INTERVIEW_HELD(CandidateStage.INTERVIEW),
    INTERVIEW_RECOMMENDED(CandidateStage.INTERVIEW),
    INTERVIEW_NOT_RECOMMENDED(CandidateStage.CLOSED),
    OFFER_EXTENDED(CandidateStage.OFFER),
    OFFER_ACCEPTED(CandidateStage.OFFER),
    OFFER_DECLINED(CandidateStage.CLOSED),
    OFFER_EXPIRED(CandidateStage.CLOSED),
    SIGNED(CandidateStage.SIGNED),
    PLACED(CandidateStage.PLACED),
    WITHDRAWN(CandidateStage.CLOSED);

    private final CandidateStage stage;

    ApplicationStatus(CandidateStage stage) {
        this.stage = stage;
    }

    public CandidateStage stage() {
        return stage;
    }

    /**
     * The status from the application's own last step (set by the candidate's events) and its interviews (their
     * own stream): before an offer or a closing step, the most recently scheduled interview tells where it stands.
     * Public for the as-of replay (dossier), which must say the same as the read model.
     */
    public static ApplicationStatus of(ApplicationStatus lastStep, List<InterviewState> interviews) {
        if (lastStep != SUBMITTED && lastStep != SCREENED_IN) {
            return lastStep;
        }
        return latest(interviews).map(ApplicationStatus::of).orElse(lastStep);
    }

    static Optional<InterviewState> latest(List<InterviewState> interviews) {
        return interviews.stream().filter(i -> i.status() != null)
                .max(Comparator.comparing(InterviewState::scheduledAt,
                        Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    private static ApplicationStatus of(InterviewState interview) {
        return switch (interview.status()) {
            case SCHEDULED -> interview.rescheduled() ? INTERVIEW_RESCHEDULED : INTERVIEW_SCHEDULED;
            case NO_SHOW -> INTERVIEW_NO_SHOW;
            case CANCELLED -> INTERVIEW_CANCELLED;
            case HELD -> INTERVIEW_HELD;
            case DECIDED -> interview.outcome() == InterviewOutcome.RECOMMENDED
                    ? INTERVIEW_RECOMMENDED : INTERVIEW_NOT_RECOMMENDED;
        };
    }
}

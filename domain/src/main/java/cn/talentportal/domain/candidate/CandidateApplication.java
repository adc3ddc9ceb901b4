package cn.talentportal.domain.candidate;

import cn.talentportal.domain.shared.Sector;
import java.time.LocalDate;

/**
 * One application of a candidate, an entity of the {@link Candidate} keyed by its id. It keeps what was recorded
 * at submission (the opening's title and employer as the candidate saw them), so later events name the same
 * opening however it is edited afterwards. Immutable: the candidate's event sourcing handlers replace it.
 */
record CandidateApplication(String applicationId, String openingId, String openingTitle, String employerUnitId,
                            String employerName, ApplicationStage stage, String interviewId, OfferTerms offer,
                            Sector sector, String county, LocalDate signedOn) {

    static CandidateApplication submitted(String applicationId, String openingId, String openingTitle,
                                          String employerUnitId, String employerName) {
        return new CandidateApplication(applicationId, openingId, openingTitle, employerUnitId, employerName,
                ApplicationStage.SUBMITTED, null, null, null, null, null);
    }

    CandidateApplication movedTo(ApplicationStage next) {
        return new CandidateApplication(applicationId, openingId, openingTitle, employerUnitId, employerName, next,
                interviewId, offer, sector, county, signedOn);
    }

    CandidateApplication offered(String interviewId, OfferTerms offer) {
        return new CandidateApplication(applicationId, openingId, openingTitle, employerUnitId, employerName,
                ApplicationStage.OFFER_EXTENDED, interviewId, offer, sector, county, signedOn);
    }

    CandidateApplication signed(Sector sector, String county, LocalDate signedOn) {
        return new CandidateApplication(applicationId, openingId, openingTitle, employerUnitId, employerName,
                ApplicationStage.SIGNED, interviewId, offer, sector, county, signedOn);
    }
}

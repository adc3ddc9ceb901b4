package cn.talentportal.domain.retention;

import cn.talentportal.domain.shared.ChildName;
import cn.talentportal.domain.shared.Sector;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * What happened after a talent took up a post: services, visits, promotions, milestones and departure. Every event
 * names the talent ({@code candidateId}, {@code candidateName}), so the candidate's story gathers them.
 */
public final class RetentionEvents {

    private RetentionEvents() {
    }

    @Revision("1")
    public record RetentionCaseOpened(String caseId, String candidateId, String candidateName, String employerUnitId,
                                      String employerName, String post, Sector sector, String county,
                                      LocalDate startDate, LocalDate signedOn) {
    }

    /** The talent has stayed {@code years} years in post (1, 3 or 5), counted from the start date. */
    @Revision("1")
    public record RetentionMilestoneReached(String caseId, String candidateId, String candidateName, int years,
                                            String employerName, LocalDate reachedOn) {
    }

    @Revision("1")
    public record RetentionServiceRequested(String caseId, String candidateId, String candidateName, String requestId,
                                            ServiceType type, String details) {
    }

    @Revision("1")
    public record RetentionServiceRefused(String caseId, String candidateId, String candidateName, String requestId,
                                          ServiceType type, String reason) {
    }

    /** {@code requestId} is null when the office allocated on its own initiative; so for every grant below. */
    @Revision("1")
    public record ApartmentAllocated(String caseId, String candidateId, String candidateName, String requestId,
                                     String apartment, LocalDate moveIn) {
    }

    @Revision("1")
    public record ApartmentVacated(String caseId, String candidateId, String candidateName, String apartment,
                                   LocalDate moveOut) {
    }

    /** Records the policy version that was judged, with its cap: a later revision never changes this grant. */
    @Revision("1")
    public record AllowanceGranted(String caseId, String candidateId, String candidateName, String requestId,
                                   AllowanceType type, int monthlyAmount, YearMonth from, YearMonth until,
                                   String policyId, String policyName, int policyVersion, int policyCap) {
    }

    @Revision("1")
    public record SchoolPlaceGranted(String caseId, String candidateId, String candidateName, String requestId,
                                     ChildName child, String school, String grade) {
    }

    @Revision("1")
    public record ServiceCardIssued(String caseId, String candidateId, String candidateName, String requestId,
                                    String cardNumber, CardLevel level) {
    }

    /** The previous specialist is null for the first assignment. */
    @Revision("1")
    public record ServiceSpecialistAssigned(String caseId, String candidateId, String candidateName,
                                            String specialistUserId, String specialistName,
                                            String previousSpecialistUserId, String previousSpecialistName) {
    }

    @Revision("1")
    public record FollowUpVisitRecorded(String caseId, String candidateId, String candidateName, String visitId,
                                        String visitorUserId, String visitorName, LocalDate visitedOn, String notes,
                                        List<String> problemsRaised) {
    }

    @Revision("1")
    public record VisitProblemResolved(String caseId, String candidateId, String candidateName, String visitId,
                                       String problem, String resolution) {
    }

    @Revision("1")
    public record ProfessionalTitlePromoted(String caseId, String candidateId, String candidateName,
                                            String employerName, String professionalTitle, LocalDate promotedOn) {
    }

    /** {@code yearsInPost} are whole years from the start date to the departure. */
    @Revision("1")
    public record TalentDeparted(String caseId, String candidateId, String candidateName, String employerName,
                                 LocalDate departedOn, String reason, int yearsInPost) {
    }
}

package cn.talentportal.domain.retention;

import cn.talentportal.domain.shared.ChildName;
import cn.talentportal.domain.shared.Sector;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands to a retention case. A grant names the service request it answers in {@code requestId}, or none when the
 * office grants on its own initiative.
 */
public final class RetentionCommands {

    private RetentionCommands() {
    }

    /** Sent by the placement, in the same unit of work as the candidate's {@code place}. */
    public record OpenRetentionCase(@TargetAggregateIdentifier String caseId, String candidateId, String candidateName,
                                    String employerUnitId, String employerName, String post, Sector sector,
                                    String county, LocalDate startDate, LocalDate signedOn) {
    }

    public record RequestRetentionService(@TargetAggregateIdentifier String caseId, String requestId,
                                          ServiceType type, String details) {
    }

    public record RefuseRetentionService(@TargetAggregateIdentifier String caseId, String requestId, String reason) {
    }

    public record AllocateApartment(@TargetAggregateIdentifier String caseId, String requestId, String apartment,
                                    LocalDate moveIn) {
    }

    public record RecordMoveOut(@TargetAggregateIdentifier String caseId, LocalDate moveOut) {
    }

    /** Handled by {@link AllowanceCommandHandler}: the policy in force at signing caps the amount. */
    public record GrantAllowance(String caseId, String requestId, String policyId, AllowanceType type,
                                 int monthlyAmount, YearMonth from, YearMonth until) {
    }

    public record GrantSchoolPlace(@TargetAggregateIdentifier String caseId, String requestId, ChildName child,
                                   String school, String grade) {
    }

    public record IssueServiceCard(@TargetAggregateIdentifier String caseId, String requestId, String cardNumber,
                                   CardLevel level) {
    }

    public record AssignServiceSpecialist(@TargetAggregateIdentifier String caseId, String specialistUserId,
                                          String specialistName) {
    }

    public record RecordFollowUpVisit(@TargetAggregateIdentifier String caseId, String visitId, String visitorUserId,
                                      String visitorName, LocalDate visitedOn, String notes,
                                      List<String> problemsRaised) {
    }

    public record ResolveProblem(@TargetAggregateIdentifier String caseId, String visitId, String problem,
                                 String resolution) {
    }

    public record RecordTitlePromotion(@TargetAggregateIdentifier String caseId, String title, LocalDate promotedOn) {
    }

    public record RecordDeparture(@TargetAggregateIdentifier String caseId, LocalDate departedOn, String reason) {
    }
}

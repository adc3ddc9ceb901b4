package cn.talentportal.projections.retention;

import cn.talentportal.domain.retention.ServiceType;
import cn.talentportal.domain.shared.Sector;
import java.time.LocalDate;
import java.util.List;

/**
 * One talent in a service specialist's caseload: where they work, the services asked for and not yet granted or
 * refused, problems raised at visits and not resolved, the last visit and when the next is due (a quarter after
 * the last, or after the start), the milestones reached and the next one with its date, and the departure if any;
 * the signing date (it picks the allowance policy version), the specialist in charge, and the services granted.
 * No contact data: the specialist reaches the talent through the case.
 */
public record CaseloadEntry(String caseId, String candidateId, String candidateName, String employerName, String post,
                            Sector sector, String county, LocalDate startDate, String apartment,
                            List<OpenRequest> openRequests, List<String> openProblems, LocalDate lastVisitOn,
                            LocalDate nextVisitDue, List<Integer> milestonesReached, Integer nextMilestoneYears,
                            LocalDate nextMilestoneDue, LocalDate departedOn, String departureReason,
                            LocalDate signedOn, String specialistUserId, String specialistName,
                            List<ServiceType> servicesGranted) {

    public record OpenRequest(String requestId, ServiceType type) {
    }

    public boolean departed() {
        return departedOn != null;
    }
}

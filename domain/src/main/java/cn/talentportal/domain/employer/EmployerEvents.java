package cn.talentportal.domain.employer;

import cn.talentportal.domain.shared.Sector;
import org.axonframework.serialization.Revision;

/** What happened to employer units. Each event names the unit as it was, so a reader needs nothing else. */
public final class EmployerEvents {

    private EmployerEvents() {
    }

    @Revision("1")
    public record EmployerUnitCreated(String employerUnitId, String name, EmployerType type, String county,
                                      Sector sector) {
    }

    @Revision("1")
    public record RecruiterAssigned(String employerUnitId, String employerName, String recruiterUserId,
                                    String recruiterName) {
    }

    /** The recruiter no longer recruits for the unit; named as they were, with the reason. */
    @Revision("1")
    public record RecruiterRemoved(String employerUnitId, String employerName, String recruiterUserId,
                                   String recruiterName, String reason) {
    }
}

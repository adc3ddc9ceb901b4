package cn.talentportal.projections.employer;

import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.shared.Sector;
import java.util.List;

public record EmployerUnitView(String employerUnitId, String name, EmployerType type, String county, Sector sector,
                               List<Recruiter> recruiters) {

    public record Recruiter(String userId, String name) {
    }
}

package cn.talentportal.domain.candidate;

import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Require;
import java.time.Year;

/** What a candidate tells about their education and roots. */
public record CandidateProfile(Education education, String school, String major, Integer graduationYear,
                               String hometownCounty, String currentCity, String skills) {

    public CandidateProfile {
        Require.present(education, "candidate.education");
        school = Require.optionalText(school, "candidate.school", 80);
        major = Require.optionalText(major, "candidate.major", 80);
        hometownCounty = Require.optionalText(hometownCounty, "candidate.hometown", 50);
        currentCity = Require.optionalText(currentCity, "candidate.currentCity", 50);
        skills = Require.optionalText(skills, "candidate.skills", 1000);
        if (graduationYear != null && (graduationYear < 1950 || graduationYear > Year.now().getValue() + 6)) {
            throw new DomainRuleViolation("candidate.graduationYear.outOfRange");
        }
    }
}

package cn.talentportal.portal.scheduling;

import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.security.NotYours;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsForEmployer;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.projections.employer.EmployerQueries.FindEmployerUnit;
import cn.talentportal.projections.employer.EmployerUnitView;
import cn.talentportal.projections.interview.InterviewDetail;
import cn.talentportal.projections.interview.InterviewQueries.CountInterviewsOfOpenings;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewDetail;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewsOfOpenings;
import cn.talentportal.projections.interview.CalendarEntry;
import cn.talentportal.projections.opening.OpeningQueries.FindOpeningsOfEmployer;
import cn.talentportal.projections.opening.OpeningView;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * What a recruiter's employer unit may see of interviews: those for its own openings. Interviews name their
 * opening, not the unit, so the unit's openings are looked up and joined when asked (decision 0012).
 */
@Component
public class UnitInterviews {

    private final QueryGateway queries;

    public UnitInterviews(QueryGateway queries) {
        this.queries = queries;
    }

    Set<String> openingIds(UserAccount recruiter) {
        return queries.query(new FindOpeningsOfEmployer(recruiter.employerUnitId()),
                        ResponseTypes.multipleInstancesOf(OpeningView.class)).join().stream()
                .map(OpeningView::openingId)
                .collect(Collectors.toSet());
    }

    List<CalendarEntry> page(Set<String> openingIds, int offset, int limit) {
        return queries.query(new FindInterviewsOfOpenings(openingIds, offset, limit),
                ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join();
    }

    int count(Set<String> openingIds) {
        return queries.query(new CountInterviewsOfOpenings(openingIds), ResponseTypes.instanceOf(Integer.class))
                .join();
    }

    /** The interview, if it is for one of the recruiter's unit's openings; another unit's is as good as unknown. */
    Optional<InterviewDetail> interview(UserAccount recruiter, String interviewId) {
        return NotYours.asNotFound(() -> queries.query(new FindInterviewDetail(interviewId),
                        ResponseTypes.optionalInstanceOf(InterviewDetail.class)).join())
                .filter(detail -> openingIds(recruiter).contains(detail.entry().openingId()));
    }

    List<ApplicationView> applications(UserAccount recruiter) {
        return queries.query(new FindApplicationsForEmployer(recruiter.employerUnitId()),
                ResponseTypes.multipleInstancesOf(ApplicationView.class)).join();
    }

    Optional<ApplicationView> application(UserAccount recruiter, String applicationId) {
        return applications(recruiter).stream().filter(a -> a.applicationId().equals(applicationId)).findFirst();
    }

    /** The unit's recruiters: who may sit on its panels. */
    List<EmployerUnitView.Recruiter> recruiters(UserAccount recruiter) {
        return queries.query(new FindEmployerUnit(recruiter.employerUnitId()),
                        ResponseTypes.optionalInstanceOf(EmployerUnitView.class)).join()
                .map(EmployerUnitView::recruiters)
                .orElse(List.of());
    }
}

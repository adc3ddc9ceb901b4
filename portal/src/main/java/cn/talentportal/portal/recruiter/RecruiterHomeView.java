package cn.talentportal.portal.recruiter;

import cn.talentportal.domain.interview.InterviewStatus;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsForEmployer;
import cn.talentportal.projections.application.ApplicationStatus;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.projections.interview.CalendarEntry;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewCalendar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * What needs a recruiter today, as counts that open the list behind them: applications of their unit not yet
 * screened, their own interviews today still to be held (they sit on the panel), offers waiting for the candidate's
 * answer. Follow-up visits are not here: no read model answers them by employer unit yet.
 */
@Route("recruiter")
@RolesAllowed(Role.RECRUITER_ROLE)
public class RecruiterHomeView extends VerticalLayout implements HasDynamicTitle {

    public RecruiterHomeView(QueryGateway queries, Clock clock) {
        UserAccount recruiter = CurrentUser.require();
        addClassName("portal-page");
        H2 title = new H2(getTranslation("recruiterHome.title", recruiter.displayName()));
        title.addClassName("portal-title");

        List<ApplicationView> applications = queries.query(new FindApplicationsForEmployer(
                recruiter.employerUnitId()), ResponseTypes.multipleInstancesOf(ApplicationView.class)).join();
        LocalDate today = LocalDate.now(clock.withZone(PortalFormats.OFFICE_ZONE));
        Instant startOfToday = today.atStartOfDay(PortalFormats.OFFICE_ZONE).toInstant();
        Instant startOfTomorrow = today.plusDays(1).atStartOfDay(PortalFormats.OFFICE_ZONE).toInstant();
        long interviewsToday = queries.query(new FindInterviewCalendar(recruiter.userId(), startOfToday),
                        ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join().stream()
                .filter(entry -> entry.status() == InterviewStatus.SCHEDULED
                        && entry.slot().start().isBefore(startOfTomorrow))
                .count();

        Div cards = new Div(
                card("home-new-applications", "recruiterHome.newApplications",
                        count(applications, ApplicationStatus.SUBMITTED), ApplicationStatus.SUBMITTED),
                card("home-interviews-today", "recruiterHome.interviewsToday", interviewsToday,
                        ApplicationStatus.INTERVIEW_SCHEDULED, ApplicationStatus.INTERVIEW_RESCHEDULED),
                card("home-offers-waiting", "recruiterHome.offersWaiting",
                        count(applications, ApplicationStatus.OFFER_EXTENDED), ApplicationStatus.OFFER_EXTENDED));
        cards.addClassName("portal-count-cards");
        add(title, cards, new Paragraph(getTranslation("recruiterHome.hint")));
    }

    private static long count(List<ApplicationView> applications, ApplicationStatus status) {
        return applications.stream().filter(a -> a.status() == status).count();
    }

    /** A card opening the unit's applications in the statuses it counts. */
    private CountCard card(String id, String labelKey, long value, ApplicationStatus... statuses) {
        return new CountCard(id, getTranslation(labelKey), RecruiterApplicationsView.class,
                RecruiterApplicationsView.withStatuses(statuses)).show(value, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.recruiterHome") + " · " + getTranslation("app.name");
    }
}

package cn.talentportal.portal.invitations;

import cn.talentportal.domain.interview.InterviewStatus;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.portal.interview.InterviewRoomView;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.interview.CalendarEntry;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewsOfCandidate;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * A candidate's interview invitations: upcoming ones first, each with its time (in the user's language, office
 * time), the opening and the panel, and a link into the online room from shortly before the start until the end.
 * Past, cancelled and missed interviews follow, so a changed plan is visible too.
 */
@Route("my-interviews")
@RolesAllowed(Role.CANDIDATE_ROLE)
public class MyInterviewsView extends VerticalLayout implements HasDynamicTitle {

    /** The room opens a quarter of an hour before the start (the interview aggregate's rule); so does the link. */
    static final Duration JOIN_OPENS_BEFORE = Duration.ofMinutes(15);

    public MyInterviewsView(QueryGateway queries, Clock clock) {
        addClassName("portal-page");
        H2 title = new H2(getTranslation("invitations.title"));
        title.addClassName("portal-title");
        add(title);
        Instant now = clock.instant();
        List<CalendarEntry> interviews = queries.query(new FindInterviewsOfCandidate(
                        CurrentUser.require().candidateId()), ResponseTypes.multipleInstancesOf(CalendarEntry.class))
                .join().stream()
                .filter(entry -> entry.slot() != null)
                // upcoming (still to come, as scheduled) first, soonest first; then the rest, latest first
                .sorted(Comparator.comparing((CalendarEntry entry) -> !upcoming(entry, now))
                        .thenComparing(entry -> upcoming(entry, now) ? entry.slot().start().toEpochMilli()
                                : -entry.slot().start().toEpochMilli()))
                .toList();
        Div list = new Div();
        list.setId("my-interviews");
        list.addClassName("portal-invitations");
        if (interviews.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("invitations.none"));
            none.setId("my-interviews-none");
            list.add(none);
        }
        interviews.forEach(entry -> list.add(invitation(entry, now)));
        add(list);
    }

    private Div invitation(CalendarEntry entry, Instant now) {
        Div card = new Div();
        card.setId("invitation-" + entry.interviewId());
        card.addClassNames("portal-card", "portal-invitation");
        card.add(new H3(entry.openingTitle()));
        Paragraph when = new Paragraph(getTranslation("invitations.when",
                PortalFormats.dateTime(entry.slot().start(), getLocale()),
                PortalFormats.dateTime(entry.slot().end(), getLocale())));
        when.addClassName("portal-invitation-time");
        card.add(when);
        card.add(new Paragraph(getTranslation("invitations.panel",
                entry.panel().stream().map(PanelMember::name).collect(Collectors.joining(getTranslation("scheduling.separator"))))));
        Paragraph status = new Paragraph(getTranslation("interviewStatus." + entry.status()));
        status.addClassName("portal-muted");
        card.add(status);
        if (entry.reason() != null && entry.status() != InterviewStatus.DECIDED) {
            // why it was moved, cancelled or marked missed; a decision's reason is the recruiters'
            card.add(new Paragraph(getTranslation("invitations.reason", entry.reason())));
        }
        if (entry.status() == InterviewStatus.SCHEDULED && now.isBefore(entry.slot().end())) {
            if (!now.isBefore(entry.slot().start().minus(JOIN_OPENS_BEFORE))) {
                RouterLink join = new RouterLink(getTranslation("invitations.join"), InterviewRoomView.class,
                        new RouteParameters("interviewId", entry.interviewId()));
                join.setId("join-" + entry.interviewId());
                join.addClassName("portal-invitation-join");
                card.add(join);
            } else {
                Paragraph later = new Paragraph(getTranslation("invitations.joinLater",
                        JOIN_OPENS_BEFORE.toMinutes()));
                later.addClassName("portal-muted");
                card.add(later);
            }
        }
        return card;
    }

    private static boolean upcoming(CalendarEntry entry, Instant now) {
        return entry.status() == InterviewStatus.SCHEDULED && now.isBefore(entry.slot().end());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invitations.title") + " · " + getTranslation("app.name");
    }
}

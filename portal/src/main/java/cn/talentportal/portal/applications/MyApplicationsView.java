package cn.talentportal.portal.applications;

import cn.talentportal.domain.candidate.CandidateCommands.AcceptOffer;
import cn.talentportal.domain.candidate.CandidateCommands.DeclineOffer;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.invitations.MyInterviewsView;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.portal.shared.ReadModels;
import cn.talentportal.projections.application.ApplicationQueries.ApplicationChanged;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfCandidate;
import cn.talentportal.projections.application.ApplicationStatus;
import cn.talentportal.projections.application.ApplicationView;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * A candidate's own applications, each with its stage; an offer not yet answered can be accepted or declined here
 * (the offer letter mail points to this page). The candidate aggregate refuses an expired or answered offer.
 * Stages change while the page is open: the application read model tells it (a subscription query) when one of the
 * candidate's applications changed.
 */
@Route("my-applications")
@RolesAllowed(Role.CANDIDATE_ROLE)
public class MyApplicationsView extends VerticalLayout implements HasDynamicTitle {

    private final QueryGateway queries;
    private final Commands commands;
    private final Grid<ApplicationView> grid = new Grid<>();
    /** Read once: updates are shown outside the request, where no one is signed in. */
    private final String candidateId = CurrentUser.require().candidateId();
    private SubscriptionQueryResult<List<ApplicationView>, ApplicationChanged> subscription;
    private Disposable listening;

    public MyApplicationsView(QueryGateway queries, Commands commands) {
        this.queries = queries;
        this.commands = commands;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("myApplications.title"));
        title.addClassName("portal-title");
        grid.setId("my-applications");
        grid.addColumn(ApplicationView::openingTitle).setHeader(getTranslation("application.opening"));
        grid.addColumn(ApplicationView::employerName).setHeader(getTranslation("application.employer"));
        grid.addColumn(a -> getTranslation("stage." + a.stage())).setHeader(getTranslation("application.stage"));
        grid.addColumn(a -> PortalFormats.dateTime(a.submittedAt(), getLocale()))
                .setHeader(getTranslation("application.submittedAt")).setAutoWidth(true);
        grid.addComponentColumn(this::offerAnswer).setKey("offer").setHeader(getTranslation("myApplications.offer"))
                .setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("myApplications.none"));
        grid.setItems(applications());
        RouterLink interviews = new RouterLink(getTranslation("invitations.link"), MyInterviewsView.class);
        interviews.setId("my-interviews-link");
        add(title, interviews, grid);
    }

    private List<ApplicationView> applications() {
        return queries.query(new FindApplicationsOfCandidate(candidateId),
                ResponseTypes.multipleInstancesOf(ApplicationView.class)).join();
    }

    private HorizontalLayout offerAnswer(ApplicationView application) {
        HorizontalLayout answer = new HorizontalLayout();
        if (application.status() != ApplicationStatus.OFFER_EXTENDED) {
            // an offer answered or lapsed says so; before an offer, and after signing, the column stays empty
            boolean offerSettled = switch (application.status()) {
                case OFFER_ACCEPTED, OFFER_DECLINED, OFFER_EXPIRED -> true;
                default -> false;
            };
            answer.add(new Span(offerSettled ? getTranslation("applicationStatus." + application.status()) : ""));
            return answer;
        }
        Button accept = new Button(getTranslation("myApplications.accept"), e -> answer(application,
                new AcceptOffer(application.candidateId(), application.applicationId()), "myApplications.accepted"));
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        accept.setId("accept-offer-" + application.applicationId());
        Button decline = new Button(getTranslation("myApplications.decline"), e -> answer(application,
                new DeclineOffer(application.candidateId(), application.applicationId(), null),
                "myApplications.declined"));
        decline.addThemeVariants(ButtonVariant.LUMO_SMALL);
        decline.setId("decline-offer-" + application.applicationId());
        answer.add(accept, decline);
        return answer;
    }

    private void answer(ApplicationView application, Object command, String doneKey) {
        try {
            commands.send(command);
            Notices.success(doneKey, application.openingTitle());
        } catch (DomainRuleViolation refusal) {
            Notices.refused(refusal);
        }
        // the list follows the store a moment later: shown once the answer is there
        grid.setItems(ReadModels.awaitChange(this::applications, list -> list.stream()
                .noneMatch(a -> a.applicationId().equals(application.applicationId())
                        && a.status() == ApplicationStatus.OFFER_EXTENDED)));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        subscription = queries.subscriptionQuery(new FindApplicationsOfCandidate(candidateId),
                ResponseTypes.multipleInstancesOf(ApplicationView.class),
                ResponseTypes.instanceOf(ApplicationChanged.class));
        // changes that arrive together are shown with one reading, read on a thread that may wait for MongoDB
        listening = subscription.updates().bufferTimeout(100, Duration.ofMillis(200))
                .publishOn(Schedulers.boundedElastic())
                .subscribe(changes -> showChanges(ui));
    }

    private void showChanges(UI ui) {
        try {
            ui.access(() -> grid.setItems(applications()));
        } catch (UIDetachedException closed) {
            // the tab was closed meanwhile: nothing to show it in
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        listening.dispose();
        subscription.cancel();
        super.onDetach(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("myApplications.title") + " · " + getTranslation("app.name");
    }
}

package cn.talentportal.portal.recruiter;

import cn.talentportal.domain.candidate.CandidateCommands.ExtendOffer;
import cn.talentportal.domain.candidate.CandidateCommands.PlaceCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.ScreenApplication;
import cn.talentportal.domain.candidate.CandidateCommands.SignContract;
import cn.talentportal.domain.candidate.ScreeningDecision;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.scheduling.InterviewDetailView;
import cn.talentportal.portal.scheduling.ScheduleInterviewView;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.application.ApplicationQueries.ApplicationChanged;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfOpening;
import cn.talentportal.projections.application.ApplicationQueries.FindOpeningPipeline;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.projections.application.CandidateStage;
import cn.talentportal.projections.application.OpeningPipeline;
import cn.talentportal.projections.opening.OpeningQueries.FindOpening;
import cn.talentportal.projections.opening.OpeningView;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * One opening's pipeline: its applications by stage with counts, screening (one or many, with one reason), offers
 * on a recommending interview, signing and placement. Stays current while open: the application read model tells
 * this view (a subscription query) when one of the opening's applications changed, whoever changed it. An opening
 * of another unit is not shown, as if it did not exist.
 */
@Route("recruiter/openings/:openingId/pipeline")
@RolesAllowed(Role.RECRUITER_ROLE)
public class OpeningPipelineView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String OPENING_ID = "openingId";
    /** Changes that arrive together (a bulk action, a busy hour) are shown with one reading. */
    private static final Duration UPDATE_GATHERING = Duration.ofMillis(200);
    private static final int DEFAULT_CONTRACT_YEARS = 3;

    private final QueryGateway queries;
    private final Commands commands;
    private final Clock clock;
    private final UserAccount recruiter = CurrentUser.require();
    private final H2 title = new H2();
    private final Map<CandidateStage, Span> stageCounts = new EnumMap<>(CandidateStage.class);
    private final Grid<ApplicationView> grid = new Grid<>();
    private final Div refusals = new Div();
    private final Div stages;
    private final HorizontalLayout actions;
    private OpeningView opening;
    private int total;
    private SubscriptionQueryResult<OpeningPipeline, ApplicationChanged> subscription;
    private Disposable listening;

    public OpeningPipelineView(QueryGateway queries, Commands commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
        addClassName("portal-page");
        title.addClassName("portal-title");
        refusals.setId("pipeline-refusals");
        stages = stages();
        actions = actions();
        grid();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String openingId = event.getRouteParameters().get(OPENING_ID).orElse("");
        opening = queries.query(new FindOpening(openingId), ResponseTypes.optionalInstanceOf(OpeningView.class))
                .join()
                .filter(o -> o.employerUnitId().equals(recruiter.employerUnitId()))
                .orElse(null);
        removeAll();
        stopListening();
        if (opening == null) {
            Paragraph notFound = new Paragraph(getTranslation("pipeline.notFound"));
            notFound.setId("pipeline-not-found");
            add(new H2(getTranslation("pipeline.title")), notFound,
                    new RouterLink(getTranslation("pipeline.backToOpenings"), RecruiterOpeningsView.class));
            return;
        }
        title.setText(getTranslation("pipeline.titleOf", opening.details().title()));
        add(title, stages, actions, refusals, grid);
        refresh();
        if (isAttached()) {
            // another opening in the same view (a link between pipelines): listen to that one instead
            listen(getUI().orElseThrow());
        }
    }

    private Div stages() {
        Div stages = new Div();
        stages.setId("pipeline-stages");
        stages.addClassName("portal-count-cards");
        for (CandidateStage stage : CandidateStage.values()) {
            Span count = new Span();
            count.setId("pipeline-count-" + stage.name());
            count.addClassName("portal-count");
            Span label = new Span(getTranslation("stage." + stage.name()));
            label.addClassName("portal-muted");
            Div card = new Div(count, label);
            card.addClassName("portal-count-card");
            stageCounts.put(stage, count);
            stages.add(card);
        }
        return stages;
    }

    private HorizontalLayout actions() {
        Button screenIn = new Button(getTranslation("pipeline.screenIn"), e -> askScreening(ScreeningDecision.IN));
        screenIn.setId("pipeline-screen-in");
        screenIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button screenOut = new Button(getTranslation("pipeline.screenOut"), e -> askScreening(ScreeningDecision.OUT));
        screenOut.setId("pipeline-screen-out");
        HorizontalLayout actions = new HorizontalLayout(screenIn, screenOut,
                new Span(getTranslation("pipeline.selectHint")));
        actions.setWrap(true);
        actions.setAlignItems(Alignment.CENTER);
        return actions;
    }

    private void grid() {
        grid.setId("pipeline-applications");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(ApplicationView::candidateName).setKey("candidate")
                .setHeader(getTranslation("application.candidate")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("applicationStatus." + a.status())).setKey("status")
                .setHeader(getTranslation("application.status")).setAutoWidth(true);
        // the next step before the details, so a phone shows it without scrolling sideways
        grid.addComponentColumn(this::nextStep).setKey("actions").setHeader(getTranslation("grid.actions"))
                .setAutoWidth(true);
        grid.addColumn(a -> a.recruiterDetail().reason()).setKey("reason")
                .setHeader(getTranslation("pipeline.reason")).setFlexGrow(1);
        grid.addColumn(a -> PortalFormats.dateTime(a.submittedAt(), getLocale())).setKey("submitted")
                .setHeader(getTranslation("application.submittedAt")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("pipeline.none"));
        // pages read from the read model as the grid scrolls; rows are the same application across readings
        grid.setItems(new CallbackDataProvider<ApplicationView, Void>(
                query -> queries.query(new FindApplicationsOfOpening(opening.openingId(), query.getOffset(),
                                query.getLimit()), ResponseTypes.multipleInstancesOf(ApplicationView.class)).join()
                        .stream(),
                query -> total,
                ApplicationView::applicationId));
    }

    /** The step an application is ready for, as a button; screening is by selection. */
    private Component nextStep(ApplicationView application) {
        return switch (application.status()) {
            case SCREENED_IN, INTERVIEW_CANCELLED -> stepButton("pipeline-schedule-", application,
                    "pipeline.schedule", () -> ScheduleInterviewView.open(application.applicationId()));
            case INTERVIEW_SCHEDULED, INTERVIEW_RESCHEDULED, INTERVIEW_HELD -> application.recruiterDetail() == null
                    || application.recruiterDetail().interviewId() == null ? new Span()
                    : stepButton("pipeline-interview-", application, "pipeline.interview",
                            () -> InterviewDetailView.open(application.recruiterDetail().interviewId()));
            case INTERVIEW_RECOMMENDED -> stepButton("pipeline-offer-", application, "pipeline.offer",
                    () -> askOffer(application));
            case OFFER_ACCEPTED -> stepButton("pipeline-sign-", application, "pipeline.sign",
                    () -> askSigning(application));
            case SIGNED -> stepButton("pipeline-place-", application, "pipeline.place",
                    () -> askPlacement(application));
            default -> new Span();
        };
    }

    private Button stepButton(String idPrefix, ApplicationView application, String labelKey, Runnable open) {
        Button button = new Button(getTranslation(labelKey), e -> open.run());
        button.setId(idPrefix + application.applicationId());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    private void askScreening(ScreeningDecision decision) {
        List<ApplicationView> selected = new ArrayList<>(grid.getSelectedItems());
        if (selected.isEmpty()) {
            Notices.refused(new DomainRuleViolation("pipeline.selectFirst"));
            return;
        }
        TextArea reason = new TextArea(getTranslation("application.screeningReason"));
        reason.setId("screening-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        reason.setRequired(decision == ScreeningDecision.OUT);
        reason.setErrorMessage(getTranslation("pipeline.screenOutReasonRequired"));
        PipelineDialog dialog = new PipelineDialog("screening",
                getTranslation("pipeline.screening." + decision.name(), selected.size()), reason,
                getTranslation("screening." + decision.name()),
                () -> screen(selected, decision, reason.getValue()), () -> { });
        if (decision == ScreeningDecision.OUT) {
            // screening out needs a reason: said as it is typed, and the button waits for it
            dialog.confirm().setEnabled(false);
            reason.addValueChangeListener(e -> {
                boolean given = !e.getValue().isBlank();
                reason.setInvalid(!given);
                dialog.confirm().setEnabled(given);
            });
        }
        dialog.open();
    }

    /** Each selected application in turn: refusals are listed per candidate, the others are done. */
    private void screen(List<ApplicationView> selected, ScreeningDecision decision, String reason) {
        List<String> refused = new ArrayList<>();
        int done = 0;
        for (ApplicationView application : selected) {
            try {
                ScreenApplication command = new ScreenApplication(application.candidateId(),
                        application.applicationId(), decision, reason.isBlank() ? null : reason);
                if (reason.isBlank()) {
                    commands.send(command);
                } else {
                    commands.send(command, reason);
                }
                grid.deselect(application);
                done++;
            } catch (DomainRuleViolation refusal) {
                refused.add(getTranslation("pipeline.refusedFor", application.candidateName(),
                        Notices.reason(refusal)));
            }
        }
        showRefusals(refused);
        if (refused.isEmpty()) {
            Notices.success("pipeline.screened." + decision.name(), done);
        } else {
            Notices.refused(new DomainRuleViolation("pipeline.partlyRefused", done, refused.size()));
        }
    }

    private void showRefusals(List<String> refused) {
        refusals.removeAll();
        refused.forEach(line -> {
            Paragraph item = new Paragraph(line);
            item.addClassName("portal-problem");
            refusals.add(item);
        });
    }

    private void askOffer(ApplicationView application) {
        LocalDate today = LocalDate.now(clock.withZone(PortalFormats.OFFICE_ZONE));
        OfferForm form = new OfferForm(application.openingTitle(), today);
        new PipelineDialog("offer", getTranslation("pipeline.offerTo", application.candidateName()), form,
                getTranslation("pipeline.offer"),
                () -> commands.send(new ExtendOffer(application.candidateId(), application.applicationId(),
                        application.recruiterDetail().interviewId(), form.terms())),
                () -> Notices.success("pipeline.offered", application.candidateName())).open();
    }

    private void askSigning(ApplicationView application) {
        IntegerField years = new IntegerField(getTranslation("pipeline.contractYears"));
        years.setId("sign-years");
        years.setValue(DEFAULT_CONTRACT_YEARS);
        years.setMin(1);
        years.setStepButtonsVisible(true);
        new PipelineDialog("sign", getTranslation("pipeline.signWith", application.candidateName()), years,
                getTranslation("pipeline.sign"),
                () -> commands.send(new SignContract(application.candidateId(), application.applicationId(),
                        Optional.ofNullable(years.getValue()).orElse(0))),
                () -> Notices.success("pipeline.signed", application.candidateName())).open();
    }

    private void askPlacement(ApplicationView application) {
        TextField post = new TextField(getTranslation("placement.post"));
        post.setId("place-post");
        post.setValue(Optional.ofNullable(application.recruiterDetail().post()).orElse(""));
        DatePicker start = new DatePicker(getTranslation("placement.startDate"));
        start.setId("place-start");
        start.setValue(LocalDate.now(clock.withZone(PortalFormats.OFFICE_ZONE)));
        FormLayout form = new FormLayout(post, start);
        new PipelineDialog("place", getTranslation("pipeline.placeOf", application.candidateName()), form,
                getTranslation("pipeline.place"),
                () -> commands.send(new PlaceCandidate(application.candidateId(), application.applicationId(),
                        post.getValue(), start.getValue())),
                () -> Notices.success("pipeline.placed", application.candidateName())).open();
    }

    /** Counts and rows as the read model has them now; selected rows stay selected. */
    private void refresh() {
        OpeningPipeline pipeline = queries.query(new FindOpeningPipeline(opening.openingId()),
                ResponseTypes.instanceOf(OpeningPipeline.class)).join();
        total = 0;
        for (OpeningPipeline.Column column : pipeline.columns()) {
            stageCounts.get(column.stage()).setText(String.valueOf(column.count()));
            total += column.count();
        }
        grid.getDataProvider().refreshAll();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        listen(event.getUI());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopListening();
        super.onDetach(event);
    }

    private void listen(UI ui) {
        if (opening == null) {
            return;
        }
        subscription = queries.subscriptionQuery(new FindOpeningPipeline(opening.openingId()),
                ResponseTypes.instanceOf(OpeningPipeline.class), ResponseTypes.instanceOf(ApplicationChanged.class));
        // read again on a thread that may wait for MongoDB, not on the one delivering the update
        listening = subscription.updates().bufferTimeout(100, UPDATE_GATHERING)
                .publishOn(Schedulers.boundedElastic()).subscribe(changes -> {
                    try {
                        ui.access(this::refresh);
                    } catch (UIDetachedException closed) {
                        // the tab was closed between the change and its showing: nothing to show it in
                    }
                });
    }

    private void stopListening() {
        if (listening != null) {
            listening.dispose();
            subscription.cancel();
            listening = null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pipeline.title") + " · " + getTranslation("app.name");
    }
}

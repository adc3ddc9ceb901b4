package cn.talentportal.portal.scheduling;

import cn.talentportal.domain.interview.InterviewCommands.ScheduleInterview;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.ReadModels;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.projections.employer.EmployerUnitView.Recruiter;
import cn.talentportal.projections.interview.InterviewQueries.FindRubrics;
import cn.talentportal.projections.interview.RubricView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Schedules an interview for one of the recruiter's unit's applications: the panel (the unit's recruiters, one to
 * five), the rubric, the day, start and length. Each chosen panel member's busy times that day are shown as they
 * are picked; the domain's refusal of a double booking appears next to the time, and the form keeps its values.
 * Other views open it with {@link #open(String)} or link to it with {@link #routeTo(String)}.
 */
@Route("recruiter/interviews/schedule/:applicationId")
@RolesAllowed(Role.RECRUITER_ROLE)
public class ScheduleInterviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String APPLICATION_ID = "applicationId";
    static final int LARGEST_PANEL = 5;

    private final UnitInterviews unitInterviews;
    private final QueryGateway queries;
    private final Commands commands;
    private final Clock clock;

    public ScheduleInterviewView(UnitInterviews unitInterviews, QueryGateway queries, Commands commands,
                                 Clock clock) {
        this.unitInterviews = unitInterviews;
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
        addClassName("portal-page");
    }

    /** Opens the form for this application (of the signed-in recruiter's unit). */
    public static void open(String applicationId) {
        UI.getCurrent().navigate(ScheduleInterviewView.class, routeTo(applicationId));
    }

    /** For a {@code RouterLink} to the form. */
    public static RouteParameters routeTo(String applicationId) {
        return new RouteParameters(APPLICATION_ID, applicationId);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        UserAccount recruiter = CurrentUser.require();
        H2 title = new H2(getTranslation("scheduling.schedule.title"));
        title.addClassName("portal-title");
        add(title);
        String applicationId = event.getRouteParameters().get(APPLICATION_ID).orElse("");
        unitInterviews.application(recruiter, applicationId).ifPresentOrElse(
                application -> add(form(recruiter, application)),
                () -> {
                    // another unit's application reads like an unknown one
                    Paragraph notFound = new Paragraph(getTranslation("scheduling.application.notFound"));
                    notFound.setId("schedule-not-found");
                    add(notFound);
                });
    }

    /** What the form holds while the recruiter fills it in; the slot fields are read by {@link SlotFields}. */
    static final class Draft {
        Set<Recruiter> panel = new LinkedHashSet<>();
        RubricView rubric;
    }

    private VerticalLayout form(UserAccount recruiter, ApplicationView application) {
        Paragraph who = new Paragraph(getTranslation("scheduling.schedule.for", application.candidateName(),
                application.openingTitle()));
        who.setId("schedule-for");

        List<Recruiter> unitRecruiters = unitInterviews.recruiters(recruiter);
        MultiSelectComboBox<Recruiter> panel = new MultiSelectComboBox<>(getTranslation("scheduling.panel"));
        panel.setId("schedule-panel");
        panel.setItems(unitRecruiters);
        panel.setItemLabelGenerator(Recruiter::name);
        ComboBox<RubricView> rubric = new ComboBox<>(getTranslation("scheduling.rubric"));
        rubric.setId("schedule-rubric");
        rubric.setItems(queries.query(new FindRubrics(), ResponseTypes.multipleInstancesOf(RubricView.class))
                .join());
        rubric.setItemLabelGenerator(r -> getTranslation("scheduling.rubric.version", r.name(), r.version()));
        SlotFields slot = new SlotFields("schedule", clock, null);

        Draft draft = new Draft();
        Binder<Draft> binder = new Binder<>();
        binder.forField(panel)
                .withValidator(chosen -> !chosen.isEmpty() && chosen.size() <= LARGEST_PANEL,
                        getTranslation("interview.panel.size", 1, LARGEST_PANEL))
                .bind(d -> d.panel, (d, chosen) -> d.panel = new LinkedHashSet<>(chosen));
        binder.forField(rubric).asRequired(getTranslation("scheduling.rubric.required"))
                .bind(d -> d.rubric, (d, chosen) -> d.rubric = chosen);
        binder.forField(slot.date).asRequired(getTranslation("scheduling.date.required"))
                .bind(d -> slot.date.getValue(), (d, value) -> { });
        binder.forField(slot.time).asRequired(getTranslation("scheduling.time.required"))
                .bind(d -> slot.time.getValue(), (d, value) -> { });
        binder.forField(slot.minutes).asRequired(getTranslation("scheduling.duration.required"))
                .bind(d -> slot.minutes.getValue(), (d, value) -> { });
        unitRecruiters.stream().filter(r -> r.userId().equals(recruiter.userId())).findFirst()
                .ifPresent(me -> draft.panel.add(me));
        binder.setBean(draft);

        PanelAvailability availability = new PanelAvailability(queries);
        Runnable refresh = () -> availability.show(members(panel.getValue()), slot.date.getValue(),
                slot.slot().orElse(null), null);
        panel.addValueChangeListener(e -> refresh.run());
        slot.date.addValueChangeListener(e -> refresh.run());
        slot.time.addValueChangeListener(e -> refresh.run());
        slot.minutes.addValueChangeListener(e -> refresh.run());
        refresh.run();

        FormLayout fields = new FormLayout(panel, rubric, slot.date, slot.time, slot.minutes);
        fields.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 3));
        fields.setColspan(panel, 2);
        fields.setColspan(rubric, 1);

        Button schedule = new Button(getTranslation("scheduling.schedule.submit"));
        schedule.setId("schedule-submit");
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        schedule.addClickListener(click -> {
            if (!binder.validate().isOk()) {
                return;
            }
            String interviewId = UUID.randomUUID().toString();
            try {
                InterviewSlot chosen = slot.slot().orElseThrow();
                commands.send(new ScheduleInterview(interviewId, application.applicationId(),
                        application.candidateId(), members(draft.panel), chosen, draft.rubric.rubricId()));
            } catch (DomainRuleViolation refusal) {
                if (SlotFields.concernsTheSlot(refusal)) {
                    slot.showRefusal(Notices.reason(refusal));
                } else {
                    Notices.refused(refusal);
                }
                return;
            }
            Notices.success("scheduling.schedule.done", application.candidateName());
            // the interview's page reads the read model: open it once the new interview is there
            ReadModels.awaitChange(() -> unitInterviews.interview(recruiter, interviewId), Optional::isPresent);
            InterviewDetailView.open(interviewId);
        });
        VerticalLayout form = new VerticalLayout(who, fields, availability, schedule);
        form.setPadding(false);
        return form;
    }

    private static List<PanelMember> members(Set<Recruiter> chosen) {
        return chosen.stream().map(r -> new PanelMember(r.userId(), r.name())).toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("scheduling.schedule.title") + " · " + getTranslation("app.name");
    }
}

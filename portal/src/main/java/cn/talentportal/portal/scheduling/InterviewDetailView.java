package cn.talentportal.portal.scheduling;

import cn.talentportal.domain.interview.Criterion;
import cn.talentportal.domain.interview.InterviewCommands.CancelInterview;
import cn.talentportal.domain.interview.InterviewCommands.DecideInterviewOutcome;
import cn.talentportal.domain.interview.InterviewCommands.RecordInterviewHeld;
import cn.talentportal.domain.interview.InterviewCommands.RecordNoShow;
import cn.talentportal.domain.interview.InterviewCommands.RescheduleInterview;
import cn.talentportal.domain.interview.InterviewCommands.SubmitScorecard;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewStatus;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.domain.interview.Scorecard;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.portal.shared.ReadModels;
import cn.talentportal.projections.interview.CalendarEntry;
import cn.talentportal.projections.interview.InterviewDetail;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryGateway;

/**
 * One interview of the recruiter's unit: when, who sits on the panel, against which rubric version. While it is
 * scheduled it can be moved or cancelled (with a reason) and recorded as held or missed; once held, each panel
 * member submits a scorecard (one score per criterion within its scale) and a recruiter decides the outcome with a
 * reason. Another unit's interview reads like an unknown one.
 */
@Route("recruiter/interviews/:interviewId")
@RolesAllowed(Role.RECRUITER_ROLE)
public class InterviewDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String INTERVIEW_ID = "interviewId";
    static final int LONGEST_REASON = 500;

    private final UnitInterviews unitInterviews;
    private final Commands commands;
    private final QueryGateway queries;
    private final Clock clock;
    private UserAccount recruiter;

    public InterviewDetailView(UnitInterviews unitInterviews, Commands commands, QueryGateway queries,
                               Clock clock) {
        this.unitInterviews = unitInterviews;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        addClassName("portal-page");
    }

    public static void open(String interviewId) {
        UI.getCurrent().navigate(InterviewDetailView.class, routeTo(interviewId));
    }

    public static RouteParameters routeTo(String interviewId) {
        return new RouteParameters(INTERVIEW_ID, interviewId);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        recruiter = CurrentUser.require();
        String interviewId = event.getRouteParameters().get(INTERVIEW_ID).orElse("");
        show(unitInterviews.interview(recruiter, interviewId));
    }

    private void show(Optional<InterviewDetail> found) {
        removeAll();
        H2 title = new H2(getTranslation("scheduling.detail.title"));
        title.addClassName("portal-title");
        add(title, new RouterLink(getTranslation("scheduling.backToList"), RecruiterInterviewsView.class));
        if (found.isEmpty()) {
            Paragraph notFound = new Paragraph(getTranslation("scheduling.interview.notFound"));
            notFound.setId("interview-not-found");
            add(notFound);
            return;
        }
        InterviewDetail detail = found.get();
        CalendarEntry entry = detail.entry();
        add(summary(detail));
        if (entry.status() == InterviewStatus.SCHEDULED || entry.status() == InterviewStatus.NO_SHOW) {
            add(reschedule(detail), cancel(detail));
        }
        if (entry.status() == InterviewStatus.SCHEDULED) {
            add(recordHeld(detail), recordNoShow(detail));
        }
        if (entry.status() == InterviewStatus.HELD && isOnPanel(entry) && !detail.scoredBy(recruiter.userId())) {
            add(scorecardForm(detail));
        }
        add(scorecards(detail));
        if (entry.status() == InterviewStatus.HELD) {
            add(decide(detail));
        }
    }

    private Div summary(InterviewDetail detail) {
        CalendarEntry entry = detail.entry();
        Div card = new Div();
        card.setId("interview-summary");
        card.addClassName("portal-card");
        card.add(new H3(getTranslation("scheduling.detail.who", entry.candidateName(), entry.openingTitle())));
        card.add(line("interview-slot", getTranslation("scheduling.slot",
                PortalFormats.dateTime(entry.slot().start(), getLocale()),
                PortalFormats.dateTime(entry.slot().end(), getLocale()))));
        card.add(line("interview-status", getTranslation("scheduling.status",
                getTranslation("interviewStatus." + entry.status()))));
        card.add(line("interview-panel", getTranslation("scheduling.panelNames", names(entry))));
        card.add(line("interview-rubric", getTranslation("scheduling.rubric.line", detail.rubricName(),
                detail.rubricVersion())));
        if (entry.reason() != null) {
            card.add(line("interview-reason", getTranslation("scheduling.reason", entry.reason())));
        }
        if (detail.outcome() != null) {
            card.add(line("interview-outcome", getTranslation("scheduling.outcome.decided",
                    getTranslation("outcome." + detail.outcome()), detail.averageScore())));
        }
        return card;
    }

    private Details reschedule(InterviewDetail detail) {
        CalendarEntry entry = detail.entry();
        SlotFields slot = new SlotFields("reschedule", clock, entry.slot());
        TextArea reason = reason("reschedule-reason", "interview.rescheduleReason");
        Binder<InterviewDetail> binder = new Binder<>();
        requireReason(binder, reason);
        binder.forField(slot.date).asRequired(getTranslation("scheduling.date.required"))
                .bind(d -> slot.date.getValue(), (d, v) -> { });
        binder.forField(slot.time).asRequired(getTranslation("scheduling.time.required"))
                .bind(d -> slot.time.getValue(), (d, v) -> { });
        PanelAvailability free = new PanelAvailability(queries);
        Runnable refresh = () -> free.show(entry.panel(), slot.date.getValue(), slot.slot().orElse(null),
                entry.interviewId());
        slot.date.addValueChangeListener(e -> refresh.run());
        slot.time.addValueChangeListener(e -> refresh.run());
        slot.minutes.addValueChangeListener(e -> refresh.run());
        refresh.run();
        Button move = new Button(getTranslation("scheduling.reschedule.submit"), click -> {
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                commands.send(new RescheduleInterview(entry.interviewId(), slot.slot().orElseThrow(),
                        reason.getValue()), reason.getValue());
            } catch (DomainRuleViolation refusal) {
                if (SlotFields.concernsTheSlot(refusal)) {
                    slot.showRefusal(Notices.reason(refusal));
                } else {
                    Notices.refused(refusal);
                }
                return;
            }
            Notices.success("scheduling.reschedule.done", entry.candidateName());
            Instant before = entry.slot().start();
            reload(entry.interviewId(), d -> !d.entry().slot().start().equals(before)
                    || d.entry().status() != entry.status());
        });
        move.setId("reschedule-submit");
        FormLayout fields = new FormLayout(slot.date, slot.time, slot.minutes, reason);
        fields.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 3));
        fields.setColspan(reason, 3);
        Details section = new Details(getTranslation("scheduling.reschedule"),
                new VerticalLayout(fields, free, move));
        section.setId("reschedule-section");
        return section;
    }

    private Details cancel(InterviewDetail detail) {
        CalendarEntry entry = detail.entry();
        TextArea reason = reason("cancel-reason", "interview.cancelReason");
        Binder<InterviewDetail> binder = new Binder<>();
        requireReason(binder, reason);
        Button cancel = new Button(getTranslation("scheduling.cancel.submit"), click -> {
            if (binder.validate().isOk() && sent(new CancelInterview(entry.interviewId(), reason.getValue()),
                    reason.getValue())) {
                Notices.success("scheduling.cancel.done", entry.candidateName());
                reload(entry.interviewId(), d -> d.entry().status() == InterviewStatus.CANCELLED);
            }
        });
        cancel.setId("cancel-submit");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Details section = new Details(getTranslation("scheduling.cancel"), new VerticalLayout(reason, cancel));
        section.setId("cancel-section");
        return section;
    }

    /** Held as scheduled, ending now at the latest: the domain refuses an end in the future. */
    private Button recordHeld(InterviewDetail detail) {
        CalendarEntry entry = detail.entry();
        Button held = new Button(getTranslation("scheduling.held.submit"), click -> {
            Instant now = clock.instant();
            Instant end = entry.slot().end().isAfter(now) ? now : entry.slot().end();
            if (sent(new RecordInterviewHeld(entry.interviewId(), entry.slot().start(), end), null)) {
                Notices.success("scheduling.held.done", entry.candidateName());
                reload(entry.interviewId(), d -> d.entry().status() == InterviewStatus.HELD);
            }
        });
        held.setId("record-held");
        return held;
    }

    private Details recordNoShow(InterviewDetail detail) {
        CalendarEntry entry = detail.entry();
        TextArea reason = reason("no-show-reason", "interview.noShowReason");
        Binder<InterviewDetail> binder = new Binder<>();
        requireReason(binder, reason);
        Button noShow = new Button(getTranslation("scheduling.noShow.submit"), click -> {
            if (binder.validate().isOk() && sent(new RecordNoShow(entry.interviewId(), reason.getValue()),
                    reason.getValue())) {
                Notices.success("scheduling.noShow.done", entry.candidateName());
                reload(entry.interviewId(), d -> d.entry().status() == InterviewStatus.NO_SHOW);
            }
        });
        noShow.setId("no-show-submit");
        Details section = new Details(getTranslation("scheduling.noShow"), new VerticalLayout(reason, noShow));
        section.setId("no-show-section");
        return section;
    }

    /** One field per criterion of the interview's rubric version, each checked against its own scale as typed. */
    private Div scorecardForm(InterviewDetail detail) {
        CalendarEntry entry = detail.entry();
        Div card = new Div();
        card.setId("scorecard-form");
        card.addClassName("portal-card");
        card.add(new H3(getTranslation("scheduling.scorecard.title", detail.rubricName(), detail.rubricVersion())));
        Map<String, Integer> scores = new LinkedHashMap<>();
        Binder<Map<String, Integer>> binder = new Binder<>();
        FormLayout fields = new FormLayout();
        fields.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2));
        for (Criterion criterion : detail.criteria()) {
            IntegerField score = new IntegerField(getTranslation("scheduling.scorecard.criterion",
                    criterion.label(), criterion.maxScore(), criterion.weight()));
            score.setId("scorecard-" + criterion.key());
            score.setMin(0);
            score.setMax(criterion.maxScore());
            score.setStepButtonsVisible(true);
            // the field's own range check speaks first: it says the same as the validator below
            String outOfRange = getTranslation("interview.scorecard.scoreOutOfRange", criterion.label(),
                    criterion.maxScore());
            score.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(outOfRange)
                    .setMaxErrorMessage(outOfRange)
                    .setBadInputErrorMessage(outOfRange)
                    .setRequiredErrorMessage(getTranslation("interview.scorecard.missingScore", criterion.label())));
            binder.forField(score)
                    .asRequired(getTranslation("interview.scorecard.missingScore", criterion.label()))
                    .withValidator(value -> value >= 0 && value <= criterion.maxScore(), outOfRange)
                    .bind(s -> s.get(criterion.key()), (s, value) -> s.put(criterion.key(), value));
            fields.add(score);
        }
        TextArea comment = new TextArea(getTranslation("interview.comment"));
        comment.setId("scorecard-comment");
        comment.setMaxLength(2000);
        fields.add(comment, 2);
        binder.setBean(scores);
        Button submit = new Button(getTranslation("scheduling.scorecard.submit"), click -> {
            if (binder.validate().isOk() && sent(new SubmitScorecard(entry.interviewId(), recruiter.userId(),
                    Map.copyOf(scores), comment.getValue()), null)) {
                Notices.success("scheduling.scorecard.done", entry.candidateName());
                reload(entry.interviewId(), d -> d.scoredBy(recruiter.userId()));
            }
        });
        submit.setId("scorecard-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(fields, submit);
        return card;
    }

    private Div scorecards(InterviewDetail detail) {
        Div list = new Div();
        list.setId("scorecards");
        list.add(new H3(getTranslation("scheduling.scorecards", detail.scorecards().size(),
                detail.entry().panel().size())));
        Map<String, String> labels = detail.criteria().stream()
                .collect(Collectors.toMap(Criterion::key, Criterion::label, (a, b) -> a, LinkedHashMap::new));
        for (Scorecard card : detail.scorecards()) {
            Div item = new Div();
            item.setId("scorecard-by-" + card.panelMemberUserId());
            item.addClassName("portal-card");
            item.add(new Paragraph(getTranslation("scheduling.scorecard.by", card.panelMemberName(),
                    card.weightedScore() == null ? "" : card.weightedScore().toPlainString())));
            item.add(new Paragraph(card.scores().entrySet().stream()
                    .map(score -> labels.getOrDefault(score.getKey(), score.getKey()) + " " + score.getValue())
                    .collect(Collectors.joining(" · "))));
            if (card.comment() != null) {
                item.add(new Paragraph(card.comment()));
            }
            list.add(item);
        }
        return list;
    }

    private Div decide(InterviewDetail detail) {
        CalendarEntry entry = detail.entry();
        Div card = new Div();
        card.setId("outcome-form");
        card.addClassName("portal-card");
        card.add(new H3(getTranslation("scheduling.outcome")));
        RadioButtonGroup<InterviewOutcome> outcome = new RadioButtonGroup<>(getTranslation("interview.outcome"));
        outcome.setId("outcome-choice");
        outcome.setItems(InterviewOutcome.values());
        outcome.setItemLabelGenerator(value -> getTranslation("outcome." + value));
        TextArea reason = new TextArea(getTranslation("interview.decisionReason"));
        reason.setId("outcome-reason");
        reason.setWidthFull();
        reason.setMaxLength(1000);
        Binder<InterviewDetail> binder = new Binder<>();
        binder.forField(outcome).asRequired(getTranslation("scheduling.outcome.required"))
                .bind(d -> outcome.getValue(), (d, v) -> { });
        requireReason(binder, reason);
        Button decide = new Button(getTranslation("scheduling.outcome.submit"), click -> {
            if (binder.validate().isOk() && sent(new DecideInterviewOutcome(entry.interviewId(), outcome.getValue(),
                    reason.getValue()), reason.getValue())) {
                Notices.success("scheduling.outcome.done", entry.candidateName());
                reload(entry.interviewId(), d -> d.entry().status() == InterviewStatus.DECIDED);
            }
        });
        decide.setId("outcome-submit");
        decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(outcome, reason, decide);
        return card;
    }

    /** Sends the command; a refusal is shown and the form keeps what was typed. */
    private boolean sent(Object command, String reason) {
        try {
            if (reason == null) {
                commands.send(command);
            } else {
                commands.send(command, reason);
            }
            return true;
        } catch (DomainRuleViolation refusal) {
            Notices.refused(refusal);
            return false;
        }
    }

    /** Shows the interview once the read model has the change just made (or after a short wait, as it is). */
    private void reload(String interviewId, Predicate<InterviewDetail> changed) {
        show(ReadModels.awaitChange(() -> unitInterviews.interview(recruiter, interviewId),
                found -> found.map(changed::test).orElse(false)));
    }

    private TextArea reason(String id, String labelKey) {
        TextArea reason = new TextArea(getTranslation(labelKey));
        reason.setId(id);
        reason.setWidthFull();
        reason.setMaxLength(LONGEST_REASON);
        return reason;
    }

    private void requireReason(Binder<InterviewDetail> binder, TextArea reason) {
        binder.forField(reason).asRequired(getTranslation("scheduling.reason.required"))
                .bind(d -> reason.getValue(), (d, v) -> { });
    }

    private boolean isOnPanel(CalendarEntry entry) {
        return entry.panel().stream().anyMatch(member -> member.userId().equals(recruiter.userId()));
    }

    private String names(CalendarEntry entry) {
        return entry.panel().stream().map(PanelMember::name)
                .collect(Collectors.joining(getTranslation("scheduling.separator")));
    }

    private static Paragraph line(String id, String text) {
        Paragraph line = new Paragraph(text);
        line.setId(id);
        return line;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("scheduling.detail.title") + " · " + getTranslation("app.name");
    }
}

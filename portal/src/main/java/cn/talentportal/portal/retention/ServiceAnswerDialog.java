package cn.talentportal.portal.retention;

import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.retention.CardLevel;
import cn.talentportal.domain.retention.RetentionCommands.AllocateApartment;
import cn.talentportal.domain.retention.RetentionCommands.GrantAllowance;
import cn.talentportal.domain.retention.RetentionCommands.GrantSchoolPlace;
import cn.talentportal.domain.retention.RetentionCommands.IssueServiceCard;
import cn.talentportal.domain.retention.RetentionCommands.RefuseRetentionService;
import cn.talentportal.domain.shared.ChildName;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.projections.retention.AllowancePolicyView;
import cn.talentportal.projections.retention.CaseloadEntry;
import cn.talentportal.projections.retention.ServiceRequestView;
import cn.talentportal.portal.shared.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;

/**
 * Answers one service request: grants it with the form its type needs (apartment, allowance against the published
 * policy, school place, service card) or refuses it with a reason. The form validates as the specialist types; a
 * refusal by the case keeps the dialog open with everything typed and says why next to the field or in a notice.
 */
class ServiceAnswerDialog extends Dialog {

    /** Sends the command (with the reason, for a refusal); returns normally when the case accepted it. */
    interface Sender {
        void send(Object command, String reason);
    }

    private final ServiceRequestView request;
    private final CaseloadEntry retentionCase;
    private final Sender sender;
    private final Runnable done;
    private final ServiceAnswerDraft draft = new ServiceAnswerDraft();
    private final Binder<ServiceAnswerDraft> binder = new Binder<>();
    private final FormLayout form = new FormLayout();
    private IntegerField amount;

    private ServiceAnswerDialog(ServiceRequestView request, CaseloadEntry retentionCase, Sender sender,
                                Runnable done) {
        this.request = request;
        this.retentionCase = retentionCase;
        this.sender = sender;
        this.done = done;
        setId("service-answer");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        add(form);
        setWidth("min(40em, 100vw)");
    }

    static ServiceAnswerDialog grant(ServiceRequestView request, CaseloadEntry retentionCase,
                                     List<AllowancePolicyView> policies, LocalDate today, Sender sender,
                                     Runnable done) {
        ServiceAnswerDialog dialog = new ServiceAnswerDialog(request, retentionCase, sender, done);
        dialog.setHeaderTitle(dialog.getTranslation("retentionCase.grantTitle",
                dialog.getTranslation("serviceType." + request.type().name()), retentionCase.candidateName()));
        Function<ServiceAnswerDraft, Object> command = switch (request.type()) {
            case TALENT_APARTMENT -> dialog.apartmentForm(today);
            case ALLOWANCE -> dialog.allowanceForm(policies, today);
            case SCHOOL_PLACE -> dialog.schoolPlaceForm();
            case SERVICE_CARD -> dialog.serviceCardForm();
        };
        dialog.buttons("retentionCase.grant", "grant-confirm", command, null);
        return dialog;
    }

    static ServiceAnswerDialog refuse(ServiceRequestView request, CaseloadEntry retentionCase, Sender sender,
                                      Runnable done) {
        ServiceAnswerDialog dialog = new ServiceAnswerDialog(request, retentionCase, sender, done);
        dialog.setHeaderTitle(dialog.getTranslation("retentionCase.refuseTitle",
                dialog.getTranslation("serviceType." + request.type().name()), retentionCase.candidateName()));
        TextArea reason = new TextArea(dialog.getTranslation("retention.refusalReason"));
        reason.setId("refuse-reason");
        reason.setMaxLength(500);
        dialog.binder.forField(reason).asRequired(dialog.required("retention.refusalReason"))
                .bind(d -> d.reason, (d, v) -> d.reason = v);
        dialog.form.add(reason, 2);
        dialog.buttons("retentionCase.refuse", "refuse-confirm",
                d -> new RefuseRetentionService(retentionCase.caseId(), request.requestId(), d.reason.strip()),
                reason);
        return dialog;
    }

    private Function<ServiceAnswerDraft, Object> apartmentForm(LocalDate today) {
        TextField apartment = new TextField(getTranslation("retention.apartment"));
        apartment.setId("grant-apartment");
        apartment.setMaxLength(100);
        binder.forField(apartment).asRequired(required("retention.apartment"))
                .bind(d -> d.apartment, (d, v) -> d.apartment = v);
        DatePicker moveIn = new DatePicker(getTranslation("retention.moveIn"));
        draft.moveIn = today; // the draft fills the form when bound
        moveIn.setId("grant-move-in");
        binder.forField(moveIn).asRequired(required("retention.moveIn"))
                .bind(d -> d.moveIn, (d, v) -> d.moveIn = v);
        form.add(apartment, moveIn);
        return d -> new AllocateApartment(retentionCase.caseId(), request.requestId(), d.apartment.strip(),
                d.moveIn);
    }

    /**
     * The amount's help names the cap of the policy version in force when the talent signed, the one the case judges
     * the grant by; the case itself refuses an amount above it, with the reason.
     */
    private Function<ServiceAnswerDraft, Object> allowanceForm(List<AllowancePolicyView> policies, LocalDate today) {
        Select<AllowancePolicyView> policy = new Select<>();
        policy.setLabel(getTranslation("retention.policy"));
        policy.setId("grant-policy");
        policy.setItems(policies);
        policy.setItemLabelGenerator(AllowancePolicyView::name);
        binder.forField(policy).asRequired(required("retention.policy")).bind(d -> d.policy, (d, v) -> d.policy = v);
        Select<AllowanceType> type = new Select<>();
        type.setLabel(getTranslation("retention.allowanceType"));
        type.setId("grant-allowance-type");
        type.setItems(AllowanceType.values());
        type.setItemLabelGenerator(t -> getTranslation("allowanceType." + t.name()));
        binder.forField(type).asRequired(required("retention.allowanceType"))
                .bind(d -> d.allowanceType, (d, v) -> d.allowanceType = v);
        amount = new IntegerField(getTranslation("retentionCase.monthlyAmount"));
        amount.setId("grant-amount");
        binder.forField(amount).asRequired(required("retentionCase.monthlyAmount"))
                .withValidator(v -> v > 0, getTranslation("retention.allowance.amountNotPositive"))
                .bind(d -> d.monthlyAmount, (d, v) -> d.monthlyAmount = v);
        DatePicker from = new DatePicker(getTranslation("retention.allowanceFrom"));
        draft.allowanceFrom = today;
        from.setId("grant-from");
        binder.forField(from).asRequired(required("retention.allowanceFrom"))
                .bind(d -> d.allowanceFrom, (d, v) -> d.allowanceFrom = v);
        DatePicker until = new DatePicker(getTranslation("retention.allowanceUntil"));
        until.setId("grant-until");
        var untilBinding = binder.forField(until).asRequired(required("retention.allowanceUntil"))
                .withValidator(v -> from.getValue() == null || !YearMonth.from(v).isBefore(YearMonth.from(
                        from.getValue())), getTranslation("retention.allowance.periodReversed"))
                .bind(d -> d.allowanceUntil, (d, v) -> d.allowanceUntil = v);
        from.addValueChangeListener(e -> {
            if (until.getValue() != null) {
                untilBinding.validate();
            }
        });
        policy.addValueChangeListener(e -> amount.setHelperText(capHelp(policy.getValue(), type.getValue())));
        type.addValueChangeListener(e -> amount.setHelperText(capHelp(policy.getValue(), type.getValue())));
        if (policies.size() == 1) {
            draft.policy = policies.getFirst();
        }
        form.add(policy, type, amount, new Span(), from, until);
        return d -> new GrantAllowance(retentionCase.caseId(), request.requestId(), d.policy.policyId(),
                d.allowanceType, d.monthlyAmount, YearMonth.from(d.allowanceFrom), YearMonth.from(d.allowanceUntil));
    }

    private String capHelp(AllowancePolicyView policy, AllowanceType type) {
        if (policy == null || retentionCase.signedOn() == null) {
            return "";
        }
        return policy.versionInForceOn(retentionCase.signedOn())
                .map(version -> {
                    Integer cap = type == null ? null : version.monthlyCaps().get(type);
                    String date = RetentionFormats.date(version.effectiveFrom(), getLocale());
                    return cap == null
                            ? getTranslation("retentionCase.policyVersion", version.version(), date)
                            : getTranslation("retentionCase.capHelp", version.version(), date, cap);
                })
                .orElseGet(() -> getTranslation("retention.policy.noneInForce", policy.name(),
                        RetentionFormats.date(retentionCase.signedOn(), getLocale())));
    }

    private Function<ServiceAnswerDraft, Object> schoolPlaceForm() {
        TextField child = new TextField(getTranslation("retention.child"));
        child.setId("grant-child");
        child.setMaxLength(50);
        binder.forField(child).asRequired(required("retention.child")).bind(d -> d.child, (d, v) -> d.child = v);
        TextField school = new TextField(getTranslation("retention.school"));
        school.setId("grant-school");
        school.setMaxLength(100);
        binder.forField(school).asRequired(required("retention.school")).bind(d -> d.school, (d, v) -> d.school = v);
        TextField grade = new TextField(getTranslation("retention.grade"));
        grade.setId("grant-grade");
        grade.setMaxLength(20);
        binder.forField(grade).asRequired(required("retention.grade")).bind(d -> d.grade, (d, v) -> d.grade = v);
        form.add(child, school, grade);
        return d -> new GrantSchoolPlace(retentionCase.caseId(), request.requestId(), new ChildName(d.child.strip()),
                d.school.strip(), d.grade.strip());
    }

    private Function<ServiceAnswerDraft, Object> serviceCardForm() {
        TextField number = new TextField(getTranslation("retention.cardNumber"));
        number.setId("grant-card-number");
        number.setMaxLength(40);
        binder.forField(number).asRequired(required("retention.cardNumber"))
                .bind(d -> d.cardNumber, (d, v) -> d.cardNumber = v);
        Select<CardLevel> level = new Select<>();
        level.setLabel(getTranslation("retention.cardLevel"));
        level.setId("grant-card-level");
        level.setItems(CardLevel.values());
        level.setItemLabelGenerator(l -> getTranslation("cardLevel." + l.name()));
        binder.forField(level).asRequired(required("retention.cardLevel"))
                .bind(d -> d.cardLevel, (d, v) -> d.cardLevel = v);
        form.add(number, level);
        return d -> new IssueServiceCard(retentionCase.caseId(), request.requestId(), d.cardNumber.strip(),
                d.cardLevel);
    }

    private String required(String fieldKey) {
        return getTranslation("validation.required", getTranslation(fieldKey));
    }

    private void buttons(String confirmKey, String confirmId, Function<ServiceAnswerDraft, Object> command,
                         TextArea reason) {
        binder.setBean(draft);
        Button confirm = new Button(getTranslation(confirmKey), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                sender.send(command.apply(draft), reason == null ? null : reason.getValue().strip());
                close();
                done.run();
            } catch (DomainRuleViolation refusal) {
                showRefusal(refusal);
            }
        });
        confirm.setId(confirmId);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (reason != null) {
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("answer-cancel");
        getFooter().add(cancel, confirm);
    }

    /** A refusal about the amount shows at the amount; any other as a notice. Nothing typed is lost. */
    private void showRefusal(DomainRuleViolation refusal) {
        if (amount != null && refusal.messageKey().startsWith("retention.allowance.")
                && !refusal.messageKey().equals("retention.allowance.periodReversed")
                && !refusal.messageKey().equals("retention.allowance.overlapping")) {
            amount.setInvalid(true);
            amount.setErrorMessage(Notices.reason(refusal));
        }
        Notices.refused(refusal);
    }
}

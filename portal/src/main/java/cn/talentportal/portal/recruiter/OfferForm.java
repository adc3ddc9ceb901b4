package cn.talentportal.portal.recruiter;

import cn.talentportal.domain.candidate.OfferTerms;
import cn.talentportal.domain.shared.DomainRuleViolation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;

/**
 * The terms of an offer, checked as they are typed by the rules the candidate aggregate applies (a post, a salary
 * above 0, a reply date neither past nor after the start), so a refusal is rare and names one field.
 */
final class OfferForm extends FormLayout {

    /** Suggested dates: start in a month, answer within a week. */
    static final int START_IN_DAYS = 30;
    static final int ANSWER_IN_DAYS = 7;

    final TextField post = new TextField(getTranslation("offer.post"));
    final IntegerField salary = new IntegerField(getTranslation("pipeline.offer.salary"));
    final DatePicker start = new DatePicker(getTranslation("offer.proposedStartDate"));
    final DatePicker respondBy = new DatePicker(getTranslation("offer.respondBy"));
    private final Binder<Draft> binder = new Binder<>();

    /** What the form holds while it is typed: the terms are made only from valid values. */
    private static final class Draft {
        String post;
        Integer salary;
        LocalDate start;
        LocalDate respondBy;
    }

    OfferForm(String suggestedPost, LocalDate today) {
        post.setId("offer-post");
        post.setValueChangeMode(ValueChangeMode.EAGER);
        post.setMaxLength(80);
        salary.setId("offer-salary");
        salary.setValueChangeMode(ValueChangeMode.EAGER);
        salary.setSuffixComponent(new Span(getTranslation("pipeline.offer.yuan")));
        start.setId("offer-start");
        respondBy.setId("offer-respond-by");
        String required = getTranslation("pipeline.required");
        binder.forField(post).asRequired(required)
                .withValidator(new StringLengthValidator(getTranslation("pipeline.offer.postTooLong", 80), 1, 80))
                .bind(d -> d.post, (d, v) -> d.post = v);
        binder.forField(salary).asRequired(required)
                .withValidator(v -> v > 0, getTranslation("offer.salary.notPositive"))
                .bind(d -> d.salary, (d, v) -> d.salary = v);
        binder.forField(start).asRequired(required)
                .withValidator(v -> !v.isBefore(today), getTranslation("pipeline.offer.startPast"))
                .bind(d -> d.start, (d, v) -> d.start = v);
        var reply = binder.forField(respondBy).asRequired(required)
                .withValidator((v, context) -> v.isBefore(today)
                        ? ValidationResult.error(getTranslation("offer.respondBy.past", v)) : ValidationResult.ok())
                .withValidator((v, context) -> start.getValue() != null && v.isAfter(start.getValue())
                        ? ValidationResult.error(getTranslation("offer.respondBy.afterStart", v, start.getValue()))
                        : ValidationResult.ok())
                .bind(d -> d.respondBy, (d, v) -> d.respondBy = v);
        start.addValueChangeListener(e -> {
            if (respondBy.getValue() != null) {
                reply.validate();
            }
        });
        Draft draft = new Draft();
        draft.post = suggestedPost;
        draft.start = today.plusDays(START_IN_DAYS);
        draft.respondBy = today.plusDays(ANSWER_IN_DAYS);
        binder.setBean(draft);
        add(post, salary, start, respondBy);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2));
    }

    /** The terms typed; refused (each field shows why) while any is missing or breaks a rule. */
    OfferTerms terms() {
        if (!binder.validate().isOk()) {
            throw new DomainRuleViolation("pipeline.offer.invalid");
        }
        Draft draft = binder.getBean();
        return new OfferTerms(draft.post, draft.salary, draft.start, draft.respondBy);
    }
}

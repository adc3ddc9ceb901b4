package cn.talentportal.portal.outreach;

import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.portal.reference.Towns;
import cn.talentportal.projections.outreach.RegisterEntryView;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a register entry, checked as the user types with the rules the entry itself applies (required
 * fields, lengths, a mainland mobile number, an email address). Editing an entry changes only where the native
 * works now: name, hometown and contact data are shown but fixed.
 */
class RegisterEntryForm extends FormLayout {

    /** What the form holds; blank optional fields are null. */
    static final class Draft {
        String fullName = "";
        String hometownCounty;
        String currentCity = "";
        String currentEmployer = "";
        String professionalField;
        String phone = "";
        String email = "";
        boolean contactConsent;
    }

    final TextField fullName = new TextField();
    final ComboBox<String> hometownCounty = new ComboBox<>();
    final TextField currentCity = new TextField();
    final TextField currentEmployer = new TextField();
    final ComboBox<String> professionalField = new ComboBox<>();
    final TextField phone = new TextField();
    final TextField email = new TextField();
    final Checkbox contactConsent = new Checkbox();
    private final Binder<Draft> binder = new Binder<>();
    private final Draft draft = new Draft();

    /** {@code existing} null: a new entry. */
    RegisterEntryForm(RegisterEntryView existing, List<String> knownFields, Towns district) {
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
        setId("register-form");
        field(fullName, "register-full-name", "outreach.fullName");
        hometownCounty.setId("register-hometown");
        hometownCounty.setLabel(getTranslation("outreach.hometownCounty"));
        List<String> towns = new ArrayList<>(district.all());
        hometownCounty.setItemLabelGenerator(t -> district.label(t, getLocale()));
        hometownCounty.setItems(towns);
        hometownCounty.setAllowCustomValue(true);
        hometownCounty.addCustomValueSetListener(e -> {
            towns.add(e.getDetail());
            hometownCounty.setItems(towns);
            hometownCounty.setValue(e.getDetail());
        });
        field(currentCity, "register-city", "outreach.currentCity");
        field(currentEmployer, "register-employer", "outreach.currentEmployer");
        professionalField.setId("register-field");
        professionalField.setLabel(getTranslation("outreach.professionalField"));
        List<String> fields = new ArrayList<>(knownFields);
        professionalField.setItems(fields);
        professionalField.setAllowCustomValue(true);
        professionalField.addCustomValueSetListener(e -> {
            fields.add(e.getDetail());
            professionalField.setItems(fields);
            professionalField.setValue(e.getDetail());
        });
        field(phone, "register-phone", "outreachRegister.phone");
        field(email, "register-email", "outreachRegister.email");
        contactConsent.setId("register-consent");
        contactConsent.setLabel(getTranslation("outreachRegister.consentGiven"));

        binder.forField(fullName).asRequired(required("outreach.fullName"))
                .withValidator(maxLength("outreach.fullName", 50))
                .bind(d -> d.fullName, (d, v) -> d.fullName = v);
        binder.forField(hometownCounty).asRequired(required("outreach.hometownCounty"))
                .withValidator(maxLength("outreach.hometownCounty", 50))
                .bind(d -> d.hometownCounty, (d, v) -> d.hometownCounty = v);
        binder.forField(currentCity).asRequired(required("outreach.currentCity"))
                .withValidator(maxLength("outreach.currentCity", 50))
                .bind(d -> d.currentCity, (d, v) -> d.currentCity = v);
        binder.forField(currentEmployer).withValidator(maxLength("outreach.currentEmployer", 100))
                .bind(d -> d.currentEmployer, (d, v) -> d.currentEmployer = v);
        binder.forField(professionalField).withValidator(maxLength("outreach.professionalField", 50))
                .bind(d -> d.professionalField, (d, v) -> d.professionalField = v);
        binder.forField(phone).withValidator(valid(PhoneNumber::new))
                .bind(d -> d.phone, (d, v) -> d.phone = v);
        binder.forField(email).withValidator(valid(EmailAddress::new))
                .bind(d -> d.email, (d, v) -> d.email = v);
        binder.forField(contactConsent).bind(d -> d.contactConsent, (d, v) -> d.contactConsent = v);

        if (existing != null) {
            draft.fullName = existing.fullName();
            draft.hometownCounty = existing.hometownCounty();
            draft.currentCity = existing.currentCity();
            draft.currentEmployer = existing.currentEmployer() == null ? "" : existing.currentEmployer();
            draft.professionalField = existing.professionalField();
            draft.contactConsent = existing.contactConsent();
        }
        binder.readBean(draft);
        if (existing != null) {
            // contact data is not shown whole, not even here; consent has its own actions with their notes
            phone.setValue(existing.maskedPhone() == null ? "" : existing.maskedPhone());
            email.setValue(existing.maskedEmail() == null ? "" : existing.maskedEmail());
            for (var fixed : List.of(fullName, phone, email)) {
                fixed.setReadOnly(true);
            }
            hometownCounty.setReadOnly(true);
            contactConsent.setReadOnly(true);
            binder.removeBinding(phone);
            binder.removeBinding(email);
        }
        add(fullName, hometownCounty, currentCity, currentEmployer, professionalField, phone, email, contactConsent);
    }

    private void field(TextField field, String id, String labelKey) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.setValueChangeMode(ValueChangeMode.EAGER);
    }

    private String required(String fieldKey) {
        return getTranslation("validation.required", getTranslation(fieldKey));
    }

    private Validator<String> maxLength(String fieldKey, int max) {
        return Validator.from(value -> value == null || value.strip().length() <= max,
                getTranslation("validation.tooLong", getTranslation(fieldKey), max));
    }

    /** Optional: blank passes; otherwise the value object's own check, with its translated reason. */
    private Validator<String> valid(java.util.function.Function<String, ?> parse) {
        return (value, context) -> {
            if (value == null || value.isBlank()) {
                return ValidationResult.ok();
            }
            try {
                parse.apply(value);
                return ValidationResult.ok();
            } catch (DomainRuleViolation refusal) {
                return ValidationResult.error(getTranslation(refusal.messageKey()));
            }
        };
    }

    /** The checked values, or null (with the fields showing why) when a field is not valid. */
    Draft validDraft() {
        return binder.writeBeanIfValid(draft) ? draft : null;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

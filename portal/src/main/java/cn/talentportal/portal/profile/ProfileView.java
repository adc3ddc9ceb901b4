package cn.talentportal.portal.profile;

import cn.talentportal.domain.candidate.CandidateCommands.UpdateCandidateProfile;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateProfileUpdated;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.portal.reference.Towns;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidateHistory;
import cn.talentportal.projections.candidate.HistoryEntry;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * A candidate's own profile: education, hometown, skills. Each field is checked as it is typed by the domain's own
 * rule (a profile holding just that value must be accepted), so the form and the aggregate never disagree; a refused
 * save explains itself and clears nothing. The phone and email are shown, not edited: the domain has no command to
 * change them (they are registration keys), so the office changes them. Below, the candidate's consents
 * ({@link ConsentSection}).
 */
@Route("profile")
@RolesAllowed(Role.CANDIDATE_ROLE)
public class ProfileView extends VerticalLayout implements HasDynamicTitle {

    /** Stands in for the education while one other field is checked on its own. */
    private static final Education ANY_EDUCATION = Education.BACHELOR;

    private final Commands commands;
    private final String candidateId;
    private final Select<Education> education = new Select<>();
    private final TextField school = new TextField();
    private final TextField major = new TextField();
    private final IntegerField graduationYear = new IntegerField();
    private final ComboBox<String> hometown = new ComboBox<>();
    private final TextField currentCity = new TextField();
    private final TextArea skills = new TextArea();
    private final TextField phone = new TextField();
    private final TextField email = new TextField();
    private final Binder<ProfileDraft> binder = new Binder<>();
    private final ProfileDraft draft = new ProfileDraft();

    public ProfileView(QueryGateway queries, Commands commands, Towns towns) {
        this.commands = commands;
        this.candidateId = CurrentUser.require().candidateId();
        addClassName("portal-page");
        H2 title = new H2(getTranslation("profile.title"));
        title.addClassName("portal-title");

        education.setLabel(getTranslation("candidate.education"));
        education.setId("profile-education");
        education.setItems(Education.values());
        education.setItemLabelGenerator(e -> e == null ? "" : getTranslation("education." + e.name()));
        text(school, "candidate.school", "profile-school");
        text(major, "candidate.major", "profile-major");
        graduationYear.setLabel(getTranslation("candidate.graduationYear"));
        graduationYear.setId("profile-graduation-year");
        graduationYear.setValueChangeMode(ValueChangeMode.LAZY);
        hometown.setLabel(getTranslation("candidate.hometown"));
        hometown.setId("profile-hometown");
        hometown.setItems(towns.all());
        hometown.setItemLabelGenerator(t -> towns.label(t, getLocale()));
        hometown.setAllowCustomValue(true);
        hometown.addCustomValueSetListener(e -> hometown.setValue(e.getDetail()));
        text(currentCity, "candidate.currentCity", "profile-current-city");
        skills.setLabel(getTranslation("candidate.skills"));
        skills.setId("profile-skills");
        skills.setValueChangeMode(ValueChangeMode.LAZY);
        skills.setHelperText(getTranslation("profile.skills.help"));
        text(phone, "candidate.phone", "profile-phone");
        text(email, "candidate.email", "profile-email");
        for (TextField contact : List.of(phone, email)) {
            contact.setReadOnly(true);
            contact.setHelperText(getTranslation("profile.contact.help"));
        }
        bind();

        Button save = new Button(getTranslation("profile.save"), e -> save());
        save.setId("profile-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(education, school, major, graduationYear, hometown, currentCity, skills,
                phone, email);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.setColspan(skills, 2);
        add(title, form, save, new ConsentSection(queries, commands, candidateId));
        load(queries);
    }

    private void text(TextField field, String labelKey, String id) {
        field.setLabel(getTranslation(labelKey));
        field.setId(id);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setWidthFull();
    }

    private void bind() {
        binder.forField(education)
                .asRequired(getTranslation("validation.required", getTranslation("candidate.education")))
                .bind(ProfileDraft::education, ProfileDraft::setEducation);
        binder.forField(school).withValidator(domainRule(v -> new CandidateProfile(ANY_EDUCATION, v, null, null,
                null, null, null))).bind(ProfileDraft::school, ProfileDraft::setSchool);
        binder.forField(major).withValidator(domainRule(v -> new CandidateProfile(ANY_EDUCATION, null, v, null,
                null, null, null))).bind(ProfileDraft::major, ProfileDraft::setMajor);
        binder.forField(graduationYear).withValidator(domainRule(v -> new CandidateProfile(ANY_EDUCATION, null, null,
                v, null, null, null))).bind(ProfileDraft::graduationYear, ProfileDraft::setGraduationYear);
        binder.forField(hometown).withValidator(domainRule(v -> new CandidateProfile(ANY_EDUCATION, null, null, null,
                v, null, null))).bind(ProfileDraft::hometown, ProfileDraft::setHometown);
        binder.forField(currentCity).withValidator(domainRule(v -> new CandidateProfile(ANY_EDUCATION, null, null,
                null, null, v, null))).bind(ProfileDraft::currentCity, ProfileDraft::setCurrentCity);
        binder.forField(skills).withValidator(domainRule(v -> new CandidateProfile(ANY_EDUCATION, null, null, null,
                null, null, v))).bind(ProfileDraft::skills, ProfileDraft::setSkills);
    }

    /** Valid when the domain accepts a profile built with the value; the refusal's translated reason otherwise. */
    private <V> Validator<V> domainRule(Function<V, CandidateProfile> profileWith) {
        return (value, context) -> {
            try {
                profileWith.apply(value);
                return ValidationResult.ok();
            } catch (DomainRuleViolation refusal) {
                return ValidationResult.error(Notices.reason(refusal));
            }
        };
    }

    /** The latest profile and the contact data, from the candidate's own stream: no read model lags behind it. */
    private void load(QueryGateway queries) {
        List<HistoryEntry> history = queries.query(new FindCandidateHistory(candidateId),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class)).join();
        for (HistoryEntry entry : history) {
            switch (entry.payload()) {
                case CandidateRegistered registered -> {
                    draft.take(registered.profile());
                    phone.setValue(registered.phone() == null ? "" : registered.phone().value());
                    email.setValue(registered.email() == null ? "" : registered.email().value());
                }
                case CandidateProfileUpdated updated -> draft.take(updated.profile());
                default -> { }
            }
        }
        binder.readBean(draft);
    }

    private void save() {
        if (!binder.writeBeanIfValid(draft)) {
            Notices.refused(new DomainRuleViolation("profile.fixFields"));
            return;
        }
        try {
            commands.send(new UpdateCandidateProfile(candidateId, draft.toProfile()));
            Notices.success("profile.saved");
        } catch (DomainRuleViolation refusal) {
            showNextToField(refusal);
            Notices.refused(refusal);
        }
    }

    private void showNextToField(DomainRuleViolation refusal) {
        Map<String, HasValidation> fields = Map.of("candidate.education", education, "candidate.school", school,
                "candidate.major", major, "candidate.hometown", hometown, "candidate.currentCity", currentCity,
                "candidate.skills", skills);
        HasValidation field = refusal.messageKey().equals("candidate.graduationYear.outOfRange") ? graduationYear
                : refusal.arguments().isEmpty() ? null : fields.get(String.valueOf(refusal.arguments().getFirst()));
        if (field != null) {
            field.setErrorMessage(Notices.reason(refusal));
            field.setInvalid(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("profile.title") + " · " + getTranslation("app.name");
    }

    /** What the form holds between loading and saving; the domain's {@link CandidateProfile} is immutable. */
    static final class ProfileDraft {

        private Education education;
        private String school;
        private String major;
        private Integer graduationYear;
        private String hometown;
        private String currentCity;
        private String skills;

        void take(CandidateProfile profile) {
            if (profile == null) {
                return;
            }
            education = profile.education();
            school = profile.school();
            major = profile.major();
            graduationYear = profile.graduationYear();
            hometown = profile.hometownCounty();
            currentCity = profile.currentCity();
            skills = profile.skills();
        }

        CandidateProfile toProfile() {
            return new CandidateProfile(education, school, major, graduationYear, hometown, currentCity, skills);
        }

        Education education() { return education; }
        void setEducation(Education value) { education = value; }
        String school() { return school; }
        void setSchool(String value) { school = value; }
        String major() { return major; }
        void setMajor(String value) { major = value; }
        Integer graduationYear() { return graduationYear; }
        void setGraduationYear(Integer value) { graduationYear = value; }
        String hometown() { return hometown; }
        void setHometown(String value) { hometown = value; }
        String currentCity() { return currentCity; }
        void setCurrentCity(String value) { currentCity = value; }
        String skills() { return skills; }
        void setSkills(String value) { skills = value; }
    }
}

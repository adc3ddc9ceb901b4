package cn.talentportal.portal.register;

import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.ConsentPurpose;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.IdNumber;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.account.UsernameTakenException;
import cn.talentportal.portal.login.LoginView;
import cn.talentportal.portal.reference.Towns;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.drive.DriveConversion;
import cn.talentportal.projections.drive.DriveQueries.FindDriveConversions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Self-registration of graduates and returnees, with the channel that brought them. Fields check themselves as the
 * user types; a refusal marks the field or explains itself, and nothing typed is cleared. A drive, fair or
 * livestream is picked from the recent and coming ones of that kind, so the channel names the drive by its id and
 * the drive's funnel counts the registration; free text stays for a channel not listed. Below the form, the summary
 * of the privacy notice and one box per purpose: data use is required, the others optional (decision 0029).
 */
@Route("register")
@AnonymousAllowed
public class RegistrationView extends VerticalLayout implements HasDynamicTitle {

    /** Drives listed to pick from: those that started at most this long ago, and every coming one. */
    static final Duration RECENT_DRIVES = Duration.ofDays(60);
    private static final Map<CandidateSource, DriveKind> DRIVE_KINDS = Map.of(
            CandidateSource.CAMPUS_DRIVE, DriveKind.CAMPUS_RECRUITMENT,
            CandidateSource.ONLINE_JOB_FAIR, DriveKind.ONLINE_JOB_FAIR,
            CandidateSource.LIVESTREAM, DriveKind.LIVESTREAM);

    private final Commands commands;
    private final UserAccounts accounts;
    private final List<DriveConversion> recentDrives;

    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField fullName = new TextField();
    private final TextField phone = new TextField();
    private final EmailField email = new EmailField();
    private final TextField idNumber = new TextField();
    private final Select<Education> education = new Select<>();
    private final TextField school = new TextField();
    private final TextField major = new TextField();
    private final IntegerField graduationYear = new IntegerField();
    private final ComboBox<String> hometown = new ComboBox<>();
    private final Select<CandidateSource> source = new Select<>();
    private final TextField sourceReference = new TextField();
    private final ComboBox<DriveConversion> sourceDrive = new ComboBox<>();
    private final Map<ConsentPurpose, Checkbox> consents = new EnumMap<>(ConsentPurpose.class);

    public RegistrationView(Commands commands, UserAccounts accounts, QueryGateway queries, Clock clock,
                            Towns towns) {
        this.commands = commands;
        this.accounts = accounts;
        this.recentDrives = recentDrives(queries, clock.instant());
        addClassName("portal-page");
        H2 title = new H2(getTranslation("register.title"));
        title.addClassName("portal-title");

        label(username, "account.username", "register-username");
        label(password, "account.password", "register-password");
        password.setHelperText(getTranslation("account.password.help"));
        label(fullName, "candidate.fullName", "register-full-name");
        label(phone, "candidate.phone", "register-phone");
        label(email, "candidate.email", "register-email");
        label(idNumber, "candidate.idNumber", "register-id-number");
        idNumber.setHelperText(getTranslation("candidate.idNumber.help"));
        label(school, "candidate.school", "register-school");
        label(major, "candidate.major", "register-major");
        graduationYear.setLabel(getTranslation("candidate.graduationYear"));
        graduationYear.setId("register-graduation-year");
        education.setLabel(getTranslation("candidate.education"));
        education.setId("register-education");
        education.setItems(Education.values());
        education.setItemLabelGenerator(e -> getTranslation("education." + e.name()));
        hometown.setLabel(getTranslation("candidate.hometown"));
        hometown.setId("register-hometown");
        hometown.setItems(towns.all());
        hometown.setItemLabelGenerator(t -> towns.label(t, getLocale()));
        hometown.setAllowCustomValue(true);
        hometown.addCustomValueSetListener(e -> hometown.setValue(e.getDetail()));
        source.setLabel(getTranslation("candidate.source"));
        source.setId("register-source");
        source.setItems(CandidateSource.values());
        source.setItemLabelGenerator(s -> getTranslation("source." + s.name()));
        source.setValue(CandidateSource.SELF_REGISTRATION);
        label(sourceReference, "candidate.sourceReference", "register-source-reference");
        sourceReference.setHelperText(getTranslation("candidate.sourceReference.help"));
        sourceDrive.setLabel(getTranslation("register.sourceDrive"));
        sourceDrive.setId("register-source-drive");
        sourceDrive.setPlaceholder(getTranslation("register.sourceDrive.none"));
        sourceDrive.setClearButtonVisible(true);
        sourceDrive.setItemLabelGenerator(d -> d.title() + " · " + PortalFormats.dateTime(d.startsAt(), getLocale()));
        sourceDrive.addValueChangeListener(e -> sourceReference.setVisible(e.getValue() == null));
        source.addValueChangeListener(e -> showDrivesOf(e.getValue()));
        showDrivesOf(source.getValue());

        validateWhileTyping();

        Button submit = new Button(getTranslation("register.submit"), e -> register());
        submit.setId("register-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FormLayout form = new FormLayout(username, password, fullName, phone, email, idNumber, education, school,
                major, graduationYear, hometown, source, sourceDrive, sourceReference);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        add(title, form, consentSection(), submit);
    }

    /** The notice's summary and a box per purpose; the data-use box says at once when it is left unticked. */
    private VerticalLayout consentSection() {
        H3 heading = new H3(getTranslation("consent.notice.title"));
        Paragraph summary = new Paragraph(getTranslation("consent.notice.summary", PrivacyNotice.VERSION));
        summary.setId("register-privacy-notice");
        VerticalLayout section = new VerticalLayout(heading, summary);
        section.setPadding(false);
        section.addClassName("portal-consents");
        for (ConsentPurpose purpose : PrivacyNotice.PURPOSES) {
            Checkbox box = new Checkbox(getTranslation("consent.purpose." + purpose.name() + ".ask"));
            box.setId("register-consent-" + purpose.name().toLowerCase().replace('_', '-'));
            if (purpose.required()) {
                box.setRequiredIndicatorVisible(true);
                box.addValueChangeListener(e -> check(box, () -> {
                    if (!e.getValue()) {
                        throw new DomainRuleViolation("consent.dataUse.required");
                    }
                    return null;
                }));
            }
            consents.put(purpose, box);
            section.add(box);
        }
        return section;
    }

    /** What the ticked boxes agree to, under the notice shown; the domain refuses it without data use. */
    private RegistrationConsent consentGiven() {
        Set<ConsentPurpose> purposes = consents.entrySet().stream()
                .filter(entry -> entry.getValue().getValue())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return new RegistrationConsent(purposes, PrivacyNotice.VERSION);
    }

    /** Planned, open or held drives that started recently or are still to come; cancelled ones brought nobody. */
    private static List<DriveConversion> recentDrives(QueryGateway queries, Instant now) {
        Instant since = now.minus(RECENT_DRIVES);
        return queries.query(new FindDriveConversions(), ResponseTypes.multipleInstancesOf(DriveConversion.class))
                .join().stream()
                .filter(d -> d.startsAt() != null && d.startsAt().isAfter(since) && !"CANCELLED".equals(d.status()))
                .toList();
    }

    /** The drive picker shows only for a drive channel, with that kind's drives; another channel keeps free text. */
    private void showDrivesOf(CandidateSource chosen) {
        DriveKind kind = chosen == null ? null : DRIVE_KINDS.get(chosen);
        List<DriveConversion> drives = kind == null ? List.of()
                : recentDrives.stream().filter(d -> d.kind() == kind).toList();
        sourceDrive.clear();
        sourceDrive.setItems(drives);
        sourceDrive.setVisible(!drives.isEmpty());
        sourceReference.setVisible(true);
    }

    private void label(TextField field, String key, String id) {
        field.setLabel(getTranslation(key));
        field.setId(id);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addThemeVariants(TextFieldVariant.LUMO_SMALL);
    }

    private void label(PasswordField field, String key, String id) {
        field.setLabel(getTranslation(key));
        field.setId(id);
        field.setValueChangeMode(ValueChangeMode.LAZY);
    }

    private void label(EmailField field, String key, String id) {
        field.setLabel(getTranslation(key));
        field.setId(id);
        field.setValueChangeMode(ValueChangeMode.LAZY);
    }

    private void validateWhileTyping() {
        phone.addValueChangeListener(e -> check(phone, () -> new PhoneNumber(e.getValue())));
        email.addValueChangeListener(e -> check(email, () -> new EmailAddress(e.getValue())));
        idNumber.addValueChangeListener(e -> check(idNumber, () -> optionalIdNumber(e.getValue())));
        username.addValueChangeListener(e -> check(username, () -> {
            if (!UserAccounts.normalise(e.getValue()).matches("[a-z0-9_.@-]{3,40}")) {
                throw new DomainRuleViolation("account.username.invalid");
            }
            if (accounts.exists(e.getValue())) {
                throw new UsernameTakenException(UserAccounts.normalise(e.getValue()));
            }
            return null;
        }));
        password.addValueChangeListener(e -> check(password,
                () -> { UserAccounts.validate("valid_name", e.getValue()); return null; }));
    }

    private void check(com.vaadin.flow.component.HasValidation field, java.util.function.Supplier<?> rule) {
        try {
            rule.get();
            field.setInvalid(false);
        } catch (DomainRuleViolation refusal) {
            field.setErrorMessage(Notices.reason(refusal));
            field.setInvalid(true);
        }
    }

    private void register() {
        String candidateId = UUID.randomUUID().toString();
        try {
            CandidateProfile profile = new CandidateProfile(education.getValue(), school.getValue(),
                    major.getValue(), graduationYear.getValue(), hometown.getValue(), null, null);
            // a picked drive is named by its id (and its title as it is now); typed text names a channel not listed
            DriveConversion drive = sourceDrive.getValue();
            RegistrationChannel channel = drive != null
                    ? new RegistrationChannel(source.getValue(), drive.driveId(), drive.title())
                    : new RegistrationChannel(source.getValue(), null, sourceReference.getValue());
            RegisterCandidate registration = new RegisterCandidate(candidateId, fullName.getValue(),
                    new PhoneNumber(phone.getValue()), new EmailAddress(email.getValue()),
                    optionalIdNumber(idNumber.getValue()), profile, channel, consentGiven());
            // The unique account key settles a race for the same name: reserve it first, so a refused name never
            // leaves a candidate without a login behind, and take it back if the registration is refused.
            accounts.create(UUID.randomUUID().toString(), username.getValue(), password.getValue(), Role.CANDIDATE,
                    fullName.getValue().strip(), null, candidateId);
            try {
                commands.send(registration);
            } catch (RuntimeException refused) {
                accounts.delete(username.getValue());
                throw refused;
            }
            Notices.success("register.done");
            getUI().ifPresent(ui -> ui.navigate(LoginView.class));
        } catch (DomainRuleViolation refusal) {
            showNextToField(refusal);
        }
    }

    private static IdNumber optionalIdNumber(String value) {
        return value == null || value.isBlank() ? null : new IdNumber(value);
    }

    private void showNextToField(DomainRuleViolation refusal) {
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of(
                "validation.phone.invalid", phone, "validation.email.invalid", email,
                "validation.idNumber.invalid", idNumber,
                "account.username.invalid", username, "account.username.taken", username,
                "account.password.weak", password, "candidate.graduationYear.outOfRange", graduationYear,
                "consent.dataUse.required", consents.get(ConsentPurpose.DATA_USE));
        var field = fields.get(refusal.messageKey());
        boolean namesField = refusal.messageKey().equals("validation.required")
                || refusal.messageKey().equals("candidate.duplicate");
        if (field == null && namesField && !refusal.arguments().isEmpty()) {
            field = switch (String.valueOf(refusal.arguments().getFirst())) {
                case "candidate.fullName" -> fullName;
                case "candidate.education" -> education;
                case "candidate.source" -> source;
                case "candidate.phone" -> phone;
                case "candidate.email" -> email;
                case "candidate.idNumber" -> idNumber;
                default -> null;
            };
        }
        if (field != null) {
            field.setErrorMessage(Notices.reason(refusal));
            field.setInvalid(true);
        }
        Notices.refused(refusal);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("register.title") + " · " + getTranslation("app.name");
    }
}

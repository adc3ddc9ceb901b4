package cn.talentportal.portal.fuzz;

import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.ConsentPurpose;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.employer.EmployerCommands.AssignRecruiter;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import com.github.mvysny.kaributools.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main forms filled with hostile values and submitted without a browser: no exception escapes, a refusal shows
 * a translated reason (next to a field or in a notification), and what was typed stays in the fields.
 */
class FormFuzzTest extends ViewTestBase {

    private static final long SEED = CommandFuzzTest.SEED;
    private static final int ATTEMPTS = Integer.getInteger("fuzz.forms", 60);

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;

    @Test
    void the_registration_form_refuses_hostile_input_with_a_translated_reason_and_keeps_it() {
        Outcomes outcomes = fuzz("register", "register-submit", new Random(SEED));
        assertThat(outcomes.failures()).as(outcomes.summary("Registration form", SEED)).isEmpty();
        assertThat(outcomes.successes()).as("plausible registrations accepted").isPositive();
    }

    @Test
    void the_profile_form_refuses_hostile_input_with_a_translated_reason_and_keeps_it() {
        String candidateId = UUID.randomUUID().toString();
        commands.sendAsSystem(new RegisterCandidate(candidateId, "模糊测试考生",
                new PhoneNumber("137" + String.format("%08d", new Random().nextInt(100_000_000))),
                new EmailAddress("fuzz-" + candidateId.substring(0, 8) + "@example.cn"), null,
                new CandidateProfile(Education.BACHELOR, "师范大学", "数学", 2025, null, null, null),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", ConsentPurpose.DATA_USE)));
        UserAccount candidate = account(accounts, "fuzzcand", Role.CANDIDATE, "模糊测试考生", null, candidateId);
        signIn(candidate);
        Outcomes outcomes = fuzz("profile", "profile-save", new Random(SEED + 1));
        assertThat(outcomes.failures()).as(outcomes.summary("Profile form", SEED + 1)).isEmpty();
        assertThat(outcomes.successes()).as("plausible profiles saved").isPositive();
    }

    @Test
    void the_opening_form_refuses_hostile_input_with_a_translated_reason_and_keeps_it() {
        UserAccount admin = account(accounts, "fuzzadm", Role.ADMIN, "模糊测试管理员", null, null);
        actAs(admin);
        String unitId = UUID.randomUUID().toString();
        commands.send(new CreateEmployerUnit(unitId, "模糊测试学校" + unitId.substring(0, 6), EmployerType.SCHOOL,
                "城关镇", Sector.EDUCATION));
        UserAccount recruiter = account(accounts, "fuzzrec", Role.RECRUITER, "模糊测试招聘员", unitId, null);
        commands.send(new AssignRecruiter(unitId, recruiter.userId(), recruiter.displayName()));
        signIn(recruiter);
        Random random = new Random(SEED + 2);
        Outcomes drafts = fuzz("recruiter/openings", "opening-save-draft", random);
        Outcomes publications = fuzz("recruiter/openings", "opening-publish", random);
        assertThat(drafts.failures()).as(drafts.summary("Opening form, draft", SEED + 2)).isEmpty();
        assertThat(publications.failures()).as(publications.summary("Opening form, publish", SEED + 2)).isEmpty();
        assertThat(drafts.successes()).as("plausible drafts saved").isPositive();
        assertThat(publications.successes()).as("plausible openings published").isPositive();
    }

    @Test
    void the_job_search_answers_hostile_text_with_results_or_none_and_never_fails() {
        Random random = new Random(SEED + 3);
        HostileValues values = new HostileValues(random, Map.of());
        Outcomes outcomes = new Outcomes();
        UI.getCurrent().navigate("jobs");
        for (int i = 0; i < ATTEMPTS * 3; i++) {
            String text = i < HostileValues.STRINGS.size() ? HostileValues.STRINGS.get(i) : values.hostileString();
            try {
                com.github.mvysny.kaributesting.v10.LocatorJ._setValue(
                        _get(TextField.class, spec -> spec.withId("job-search-text")), text);
                untranslatedNotifications(outcomes, Outcomes.describe(text));
                outcomes.success();
            } catch (RuntimeException failure) {
                outcomes.failed(failure.getClass().getName() + ": " + failure.getMessage(), Outcomes.describe(text));
            }
        }
        System.out.println(outcomes.summary("Job search box", SEED + 3));
        assertThat(outcomes.failures()).as(outcomes.summary("Job search box", SEED + 3)).isEmpty();
    }

    /**
     * Opens the form afresh for each attempt, fills every visible field with a hostile or plausible value, submits,
     * and checks the answer: the page moved on (accepted) or it says why in words from the bundles.
     */
    private Outcomes fuzz(String route, String submitId, Random random) {
        HostileValues values = new HostileValues(random, Map.of());
        Outcomes outcomes = new Outcomes();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            UI.getCurrent().navigate(route);
            clearNotifications();
            Component view = (Component) UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst();
            // every fifth attempt is plausible throughout, so each form is seen accepting too
            double hostility = attempt % 5 == 1 ? 0 : attempt % 3 == 0 ? 1.0 : 0.4;
            Map<HasValue<?, ?>, Object> typed = fill(view, values, random, hostility);
            String what = Outcomes.describe(typed.values().toArray());
            try {
                _click(_get(Button.class, spec -> spec.withId(submitId)));
            } catch (RuntimeException failure) {
                outcomes.failed(failure.getClass().getName() + ": " + failure.getMessage(), what);
                continue;
            }
            untranslatedNotifications(outcomes, what);
            Component now = (Component) UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst();
            boolean accepted = getNotifications().stream().anyMatch(n -> n.getThemeNames().contains("success"))
                    && getNotifications().stream().noneMatch(n -> n.getThemeNames().contains("error"));
            if (now != view || accepted) {
                outcomes.success();
                continue;
            }
            List<String> reasons = reasons(view);
            if (reasons.isEmpty()) {
                outcomes.failed("refused without a reason", what);
            } else if (reasons.stream().anyMatch(r -> r.startsWith("!"))) {
                outcomes.failed("untranslated reason " + reasons, what);
            } else {
                outcomes.refusedAs(reasons.getFirst().length() > 30 ? reasons.getFirst().substring(0, 30)
                        : reasons.getFirst());
            }
            typed.forEach((field, value) -> {
                if (!Objects.equals(field.getValue(), value)) {
                    outcomes.failed("value lost in " + ((Component) field).getId().orElse("?"),
                            what + " -> now " + Outcomes.describe(field.getValue()));
                }
            });
        }
        System.out.println(outcomes.summary("Form " + route + " / " + submitId, SEED));
        return outcomes;
    }

    /** Every free-text, number and date field of the view that is showing and editable, filled. */
    private static Map<HasValue<?, ?>, Object> fill(Component view, HostileValues values, Random random,
                                                    double hostility) {
        Map<HasValue<?, ?>, Object> typed = new LinkedHashMap<>();
        List<Component> fields = new ArrayList<>();
        for (Class<? extends Component> type : List.of(TextField.class, TextArea.class, EmailField.class,
                PasswordField.class, IntegerField.class, DatePicker.class)) {
            fields.addAll(_find(view, type));
        }
        for (Component field : fields) {
            if (!field.isVisible() || ((HasValue<?, ?>) field).isReadOnly()) {
                continue;
            }
            boolean hostile = random.nextDouble() < hostility;
            String id = field.getId().orElse("");
            Object value = switch (field) {
                case IntegerField number -> hostile ? List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0)
                        .get(random.nextInt(4)) : plausibleNumber(id);
                case DatePicker date -> hostile ? List.of(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31),
                        LocalDate.of(1900, 1, 1)).get(random.nextInt(3)) : LocalDate.now().plusDays(30);
                default -> hostile ? values.hostileString() : plausibleText(id, random);
            };
            set(field, value);
            typed.put((HasValue<?, ?>) field, ((HasValue<?, ?>) field).getValue());
        }
        // choices are not fuzzed (a browser offers only their items) but filled, so a plausible form is complete
        List<Component> choices = new ArrayList<>(_find(view, Select.class));
        choices.addAll(_find(view, ComboBox.class));
        for (Component choice : choices) {
            @SuppressWarnings("unchecked")
            HasValue<?, Object> box = (HasValue<?, Object>) choice;
            if (choice.isVisible() && !box.isReadOnly() && box.isEmpty()) {
                Object first = choice instanceof Select<?> select ? select.getGenericDataView().getItems().findFirst()
                        .orElse(null) : ((ComboBox<?>) choice).getGenericDataView().getItems().findFirst().orElse(null);
                if (first != null) {
                    set(choice, first);
                }
            }
        }
        // consents are ticked, as a person who means to register does; the domain's refusal without them is tested
        // by the registration's own tests
        for (Checkbox box : _find(view, Checkbox.class)) {
            if (box.isVisible() && !box.isReadOnly()) {
                set(box, true);
            }
        }
        return typed;
    }

    private static int plausibleNumber(String id) {
        if (id.endsWith("graduation-year")) {
            return 2024;
        }
        return id.contains("salary") ? (id.endsWith("max") ? 6000 : 4000) : 2;
    }

    /** What a person would type into the field: a valid username, password, phone or email where one is asked. */
    private static String plausibleText(String id, Random random) {
        String unique = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        if (id.endsWith("username")) {
            return "fuzz_" + unique;
        }
        if (id.endsWith("password")) {
            return PASSWORD;
        }
        if (id.endsWith("phone")) {
            return "139" + String.format("%08d", random.nextInt(100_000_000));
        }
        if (id.endsWith("email")) {
            return "fuzz-" + unique + "@example.cn";
        }
        if (id.endsWith("id-number")) {
            return "";
        }
        return "测试" + random.nextInt(1000);
    }

    @SuppressWarnings("unchecked")
    private static void set(Component field, Object value) {
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue((HasValue<?, Object>) field, value);
    }

    private static List<String> reasons(Component view) {
        List<String> reasons = new ArrayList<>();
        getNotifications().stream().filter(n -> n.getThemeNames().contains("error")).map(NotificationsKt::getText)
                .filter(Objects::nonNull).forEach(reasons::add);
        for (Class<? extends Component> type : List.of(TextField.class, TextArea.class, EmailField.class,
                PasswordField.class, IntegerField.class, DatePicker.class)) {
            _find(view, type).stream().map(f -> (HasValidation) f).filter(HasValidation::isInvalid)
                    .map(HasValidation::getErrorMessage).filter(Objects::nonNull).forEach(reasons::add);
        }
        return reasons;
    }

    private static void untranslatedNotifications(Outcomes outcomes, String what) {
        for (Notification notification : getNotifications()) {
            String text = NotificationsKt.getText(notification);
            if (text != null && text.startsWith("!")) {
                outcomes.failed("untranslated notification " + text, what);
            }
        }
    }
}

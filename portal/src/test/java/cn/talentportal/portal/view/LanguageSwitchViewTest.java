package cn.talentportal.portal.view;

import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
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
import cn.talentportal.portal.i18n.TranslationProvider;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every main view, opened by each role it admits, in each language: no text on it is the other language's wording
 * of a bundle key (a label built in the wrong locale, or a string that skipped the bundles). Chinese written into
 * the code is caught statically by {@code TranslationBundlesTest}. Routes that need an id in the path are opened by
 * the feature tests instead.
 */
class LanguageSwitchViewTest extends ViewTestBase {

    private static final List<String> TEXT_PROPERTIES = List.of("label", "placeholder", "title", "aria-label",
            "helperText", "errorMessage", "emptyStateText", "headerTitle", "text");

    private static final String LANGUAGE_SWITCH = "language-switch";

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;

    static Stream<Arguments> rolesAndLanguages() {
        List<Optional<Role>> roles = new ArrayList<>();
        roles.add(Optional.empty());
        Arrays.stream(Role.values()).map(Optional::of).forEach(roles::add);
        return roles.stream().flatMap(role -> Stream.of(
                Arguments.of(role, TranslationProvider.ENGLISH, TranslationProvider.CHINESE),
                Arguments.of(role, TranslationProvider.CHINESE, TranslationProvider.ENGLISH)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("rolesAndLanguages")
    void no_main_view_shows_the_other_languages_wording(Optional<Role> role, Locale shown, Locale other) {
        UI.getCurrent().getSession().setAttribute(Locale.class, shown);
        role.ifPresentOrElse(r -> signIn(accountFor(r)), () -> UI.getCurrent().getPage().reload());
        assertThat(UI.getCurrent().getLocale()).isEqualTo(shown);
        List<Pattern> otherWording = wordingOnlyIn(other, shown);

        Map<String, List<String>> foreign = new TreeMap<>();
        List<String> opened = new ArrayList<>();
        for (var route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
            String path = route.getTemplate();
            if (path.contains(":") || !admits(route.getNavigationTarget(), role)) {
                continue;
            }
            UI.getCurrent().navigate(path);
            opened.add(path);
            List<String> offending = visibleTexts().stream()
                    .filter(text -> otherWording.stream().anyMatch(p -> p.matcher(text).matches()))
                    .distinct().toList();
            if (!offending.isEmpty()) {
                foreign.put("/" + path, offending);
            }
        }
        assertThat(opened).as("views opened").isNotEmpty();
        assertThat(foreign).as("texts in %s on views shown in %s", other, shown).isEmpty();
    }

    private UserAccount accountFor(Role role) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return switch (role) {
            case RECRUITER -> {
                actAs(account(accounts, "lang_admin", Role.ADMIN, "QA admin", null, null));
                String unitId = UUID.randomUUID().toString();
                commands.send(new CreateEmployerUnit(unitId, "QA School " + suffix, EmployerType.SCHOOL,
                        "城关镇", Sector.EDUCATION));
                UserAccount recruiter = account(accounts, "lang", Role.RECRUITER, "QA recruiter", unitId, null);
                commands.send(new AssignRecruiter(unitId, recruiter.userId(), recruiter.displayName()));
                yield recruiter;
            }
            case CANDIDATE -> {
                String candidateId = UUID.randomUUID().toString();
                commands.sendAsSystem(new RegisterCandidate(candidateId, "QA graduate", uniquePhone(),
                        new EmailAddress("qa-" + suffix + "@example.cn"), null,
                        new CandidateProfile(Education.BACHELOR, "QA University", "Mathematics", 2026, "城关镇",
                                "Chongqing", "teaching"),
                        new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                        RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
                yield account(accounts, "lang", Role.CANDIDATE, "QA graduate", null, candidateId);
            }
            default -> account(accounts, "lang", role, "QA " + role.name().toLowerCase(Locale.ROOT), null, null);
        };
    }

    private static PhoneNumber uniquePhone() {
        return new PhoneNumber("139" + String.format("%08d",
                Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L)));
    }

    private static boolean admits(Class<? extends Component> view, Optional<Role> role) {
        if (view.isAnnotationPresent(AnonymousAllowed.class)) {
            return true;
        }
        if (role.isEmpty()) {
            return false;
        }
        if (view.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        RolesAllowed allowed = view.getAnnotation(RolesAllowed.class);
        return allowed != null && Arrays.asList(allowed.value()).contains(role.get().name());
    }

    /**
     * The texts of the bundle that exist only in {@code language}: its value differs from the {@code shown} one.
     * Placeholders match anything; a text must have some words of its own to count.
     */
    private static List<Pattern> wordingOnlyIn(Locale language, Locale shown) {
        ResourceBundle own = TranslationProvider.bundle(language);
        ResourceBundle other = TranslationProvider.bundle(shown);
        return own.keySet().stream()
                .filter(key -> !own.getString(key).equals(other.getString(key)))
                .map(own::getString)
                .filter(text -> text.replaceAll("\\{\\d+[^}]*}", "").replaceAll("[\\p{P}\\s\\d]", "").length() >= 2)
                .map(text -> Pattern.compile(Arrays.stream(text.split("\\{\\d+[^}]*}", -1))
                        .map(Pattern::quote).reduce((a, b) -> a + ".*" + b).orElse(""), Pattern.DOTALL))
                .toList();
    }

    /** What a reader sees: text, labels, placeholders, tooltips, grid headers, the empty-grid text. */
    private static List<String> visibleTexts() {
        List<String> texts = new ArrayList<>();
        for (Component component : LocatorJ._find(Component.class)) {
            if (component.getId().filter(LANGUAGE_SWITCH::equals).isPresent()) {
                continue; // offers the other language in that language, on purpose
            }
            Element element = component.getElement();
            element.getChildren().filter(Element::isTextNode).map(Element::getText).forEach(texts::add);
            for (String name : TEXT_PROPERTIES) {
                if (element.getPropertyRaw(name) instanceof String text) {
                    texts.add(text);
                }
                if (element.hasAttribute(name)) {
                    texts.add(element.getAttribute(name));
                }
            }
            if (component instanceof Grid<?> grid) {
                grid.getColumns().forEach(column -> {
                    texts.add(column.getHeaderText());
                    texts.add(column.getFooterText());
                });
            }
        }
        texts.removeIf(text -> text == null || text.isBlank());
        return texts.stream().map(String::strip).toList();
    }
}

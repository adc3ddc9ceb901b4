package cn.talentportal.portal.security;

import cn.talentportal.domain.alert.JobAlertCommands.RaiseJobAlert;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.admin.EmployerUnitsView;
import cn.talentportal.portal.admin.ProcessorsView;
import cn.talentportal.portal.admin.policies.AllowancePoliciesView;
import cn.talentportal.portal.admin.reference.ReferenceDataView;
import cn.talentportal.portal.admin.rubrics.RubricsView;
import cn.talentportal.portal.admin.users.UsersView;
import cn.talentportal.portal.alerts.AlertOpeningView;
import cn.talentportal.portal.alerts.AlertsView;
import cn.talentportal.portal.applications.MyApplicationsView;
import cn.talentportal.portal.audit.AccessTrailView;
import cn.talentportal.portal.audit.AuditCandidateView;
import cn.talentportal.portal.audit.AuditView;
import cn.talentportal.portal.audit.StoreIntegrityView;
import cn.talentportal.portal.drives.DriveView;
import cn.talentportal.portal.drives.DrivesView;
import cn.talentportal.portal.history.MyHistoryView;
import cn.talentportal.portal.home.HomeView;
import cn.talentportal.portal.interview.InterviewRoomView;
import cn.talentportal.portal.invitations.MyInterviewsView;
import cn.talentportal.portal.jobs.ApplyToOpeningRoute;
import cn.talentportal.portal.jobs.JobSearchView;
import cn.talentportal.portal.jobs.OpeningPage;
import cn.talentportal.portal.login.LoginView;
import cn.talentportal.portal.notification.OutboxView;
import cn.talentportal.portal.outreach.CampaignDetailView;
import cn.talentportal.portal.outreach.CampaignsView;
import cn.talentportal.portal.outreach.ReturneeRegisterView;
import cn.talentportal.portal.privacy.ErasuresView;
import cn.talentportal.portal.privacy.MyDataView;
import cn.talentportal.portal.profile.ProfileView;
import cn.talentportal.portal.recruiter.OpeningPipelineView;
import cn.talentportal.portal.recruiter.RecruiterApplicationsView;
import cn.talentportal.portal.recruiter.RecruiterHomeView;
import cn.talentportal.portal.recruiter.RecruiterOpeningsView;
import cn.talentportal.portal.register.RegistrationView;
import cn.talentportal.portal.retention.CaseloadView;
import cn.talentportal.portal.retention.MyServicesView;
import cn.talentportal.portal.retention.RetentionCaseView;
import cn.talentportal.portal.scheduling.InterviewDetailView;
import cn.talentportal.portal.scheduling.RecruiterInterviewsView;
import cn.talentportal.portal.scheduling.ScheduleInterviewView;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.statistics.StatisticsView;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidates;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The authorization matrix, generated: every command type, every query type and every route, for every role, on an
 * object of the role's own and on someone else's. A command or query type without a rule, or a route missing from
 * the route policy below, fails the test, so nothing new is added unchecked. The expected answer comes from the
 * declared rules (a role without a grant is refused; a grant that checks ownership holds for one's own object only);
 * the actual answer from the interceptor the buses run, with its real look-ups in the read models.
 */
class AuthorizationMatrixTest extends ViewTestBase {

    private static final Set<Role> PUBLIC = EnumSet.allOf(Role.class);

    /** Who may open each page (the policy of the route guards; public pages are open to visitors too). */
    private static final Map<Class<?>, Set<Role>> ROUTES = Map.ofEntries(
            Map.entry(HomeView.class, PUBLIC),
            Map.entry(LoginView.class, PUBLIC),
            Map.entry(RegistrationView.class, PUBLIC),
            Map.entry(JobSearchView.class, PUBLIC),
            Map.entry(OpeningPage.class, PUBLIC),
            Map.entry(ApplyToOpeningRoute.class, EnumSet.of(Role.CANDIDATE)),
            Map.entry(AlertOpeningView.class, EnumSet.of(Role.CANDIDATE)),
            Map.entry(AlertsView.class, EnumSet.of(Role.CANDIDATE)),
            Map.entry(MyApplicationsView.class, EnumSet.of(Role.CANDIDATE)),
            Map.entry(MyHistoryView.class, EnumSet.of(Role.CANDIDATE)),
            Map.entry(MyInterviewsView.class, EnumSet.of(Role.CANDIDATE)),
            Map.entry(MyServicesView.class, EnumSet.of(Role.CANDIDATE)),
            Map.entry(ProfileView.class, EnumSet.of(Role.CANDIDATE)),
            Map.entry(InterviewRoomView.class, EnumSet.of(Role.CANDIDATE, Role.RECRUITER)),
            Map.entry(RecruiterHomeView.class, EnumSet.of(Role.RECRUITER)),
            Map.entry(RecruiterOpeningsView.class, EnumSet.of(Role.RECRUITER)),
            Map.entry(RecruiterApplicationsView.class, EnumSet.of(Role.RECRUITER)),
            Map.entry(OpeningPipelineView.class, EnumSet.of(Role.RECRUITER)),
            Map.entry(RecruiterInterviewsView.class, EnumSet.of(Role.RECRUITER)),
            Map.entry(InterviewDetailView.class, EnumSet.of(Role.RECRUITER)),
            Map.entry(ScheduleInterviewView.class, EnumSet.of(Role.RECRUITER)),
            Map.entry(DrivesView.class, EnumSet.of(Role.RECRUITER)),
            Map.entry(DriveView.class, EnumSet.of(Role.RECRUITER)),
            Map.entry(CampaignsView.class, EnumSet.of(Role.RECRUITER)),
            Map.entry(CampaignDetailView.class, EnumSet.of(Role.RECRUITER)),
            Map.entry(ReturneeRegisterView.class, EnumSet.of(Role.RECRUITER)),
            Map.entry(CaseloadView.class, EnumSet.of(Role.SPECIALIST)),
            Map.entry(RetentionCaseView.class, EnumSet.of(Role.SPECIALIST)),
            Map.entry(StatisticsView.class, EnumSet.of(Role.RECRUITER, Role.ADMIN, Role.AUDITOR)),
            Map.entry(AuditView.class, EnumSet.of(Role.AUDITOR)),
            Map.entry(AuditCandidateView.class, EnumSet.of(Role.AUDITOR)),
            Map.entry(AccessTrailView.class, EnumSet.of(Role.AUDITOR)),
            Map.entry(StoreIntegrityView.class, EnumSet.of(Role.AUDITOR)),
            Map.entry(EmployerUnitsView.class, EnumSet.of(Role.ADMIN)),
            Map.entry(UsersView.class, EnumSet.of(Role.ADMIN)),
            Map.entry(RubricsView.class, EnumSet.of(Role.ADMIN)),
            Map.entry(AllowancePoliciesView.class, EnumSet.of(Role.ADMIN)),
            Map.entry(ProcessorsView.class, EnumSet.of(Role.ADMIN)),
            Map.entry(OutboxView.class, EnumSet.of(Role.ADMIN)),
            Map.entry(ReferenceDataView.class, EnumSet.of(Role.ADMIN)),
            Map.entry(ErasuresView.class, EnumSet.of(Role.ADMIN)),
            Map.entry(MyDataView.class, EnumSet.of(Role.CANDIDATE)));

    private static AuthorizationWorld.Side mine;
    private static AuthorizationWorld.Side theirs;

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired Ownership ownership;
    @Autowired Actors actors;
    @Autowired CommandRules commandRules;
    @Autowired QueryRules queryRules;
    @Autowired QueryGateway queries;

    private enum Whose { OWN, OTHER }

    @BeforeEach
    void twoWorlds() {
        if (mine == null) {
            AuthorizationWorld world = new AuthorizationWorld(commands, accounts, clock, ownership);
            mine = world.side("本单位");
            theirs = world.side("外单位");
        }
    }

    @Test
    void everyCommandTypeHasARule() {
        List<Class<?>> commandTypes = commandTypes();
        assertThat(commandTypes).hasSizeGreaterThan(60);
        assertThat(commandRules.coveredTypes()).as("command types with a rule")
                .containsAll(commandTypes);
        assertThat(commandTypes).as("rules for command types that no longer exist").containsAll(commandRules.coveredTypes());
    }

    @Test
    void everyQueryTypeHasARule() {
        List<Class<?>> queryTypes = queryTypes();
        assertThat(queryTypes).hasSizeGreaterThan(40);
        assertThat(queryRules.coveredTypes()).as("query types with a rule").containsAll(queryTypes);
        assertThat(queryTypes).as("rules for query types nobody answers").containsAll(queryRules.coveredTypes());
    }

    @Test
    void everyRouteHasARule() {
        assertThat(ROUTES.keySet()).as("routes in the route policy").containsExactlyInAnyOrderElementsOf(routes());
    }

    @Test
    void everyCommandForEveryRoleOnOwnAndOthersObjects() {
        List<String> wrong = new ArrayList<>();
        for (Class<?> type : commandTypes()) {
            Rule<?> rule = commandRules.ruleFor(type).orElseThrow();
            check(type, rule, new MessageAuthorization.Check<>(actors, commandRules),
                    GenericCommandMessage::asCommandMessage, wrong);
        }
        assertThat(wrong).as("commands allowed or refused against the rule table").isEmpty();
    }

    @Test
    void everyQueryForEveryRoleOnOwnAndOthersObjects() {
        List<String> wrong = new ArrayList<>();
        for (Class<?> type : queryTypes()) {
            Rule<?> rule = queryRules.ruleFor(type).orElseThrow();
            check(type, rule, new MessageAuthorization.Check<>(actors, queryRules),
                    payload -> new GenericQueryMessage<>(payload, ResponseTypes.instanceOf(Object.class)), wrong);
        }
        assertThat(wrong).as("queries allowed or refused against the rule table").isEmpty();
    }

    @Test
    void everyRouteForEveryRole() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            // signing in reloads the page: from the login page, not from a page the previous role may see only
            signOut();
            UI.getCurrent().navigate(LoginView.class);
            signIn(mine.accountOf(role));
            for (Map.Entry<Class<?>, Set<Role>> route : ROUTES.entrySet()) {
                boolean expected = route.getValue().contains(role);
                String outcome = navigate(route.getKey());
                if (!outcome.equals(expected ? "opened" : "refused")) {
                    wrong.add(route.getKey().getSimpleName() + " as " + role + ": " + outcome);
                }
            }
        }
        signOut();
        for (Map.Entry<Class<?>, Set<Role>> route : ROUTES.entrySet()) {
            boolean expected = route.getValue() == PUBLIC;
            String outcome = navigate(route.getKey());
            if (!outcome.equals(expected ? "opened" : "refused")) {
                wrong.add(route.getKey().getSimpleName() + " as a visitor: " + outcome);
            }
        }
        assertThat(wrong).as("pages opened or refused against the route policy").isEmpty();
    }

    /** The buses run the rules: a command or query the rules refuse never reaches its handler. */
    @Test
    void theBusesRefuseWhatTheRulesRefuse() {
        actAs(mine.candidate());
        assertThatThrownBy(() -> commands.send(new RaiseJobAlert(mine.candidateId(), "s", mine.openingId(), "t", "e")))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo(MessageAuthorization.REFUSED));
        assertThatThrownBy(() -> queries.query(new FindCandidates("", 10), ResponseTypes.multipleInstancesOf(
                Object.class)).join()).isInstanceOf(DomainRuleViolation.class);
        actAs(mine.auditor());
        assertThat(queries.query(new FindCandidates("", 10), ResponseTypes.multipleInstancesOf(Object.class))
                .join()).isNotNull();
    }

    /** As a visitor: no security context, and no principal on the request for the route guard. */
    private void signOut() {
        actAsNobody();
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(null);
        request.setUserInRole((principal, role) -> false);
        UI.getCurrent().getPage().reload();
    }

    private <M extends Message<?>> void check(Class<?> type, Rule<?> rule, MessageAuthorization.Check<M> check,
                                              java.util.function.Function<Object, M> message, List<String> wrong) {
        for (Role role : Role.values()) {
            UserAccount me = mine.accountOf(role);
            for (Whose whose : Whose.values()) {
                boolean expected = rule.roles().contains(role) && (whose == Whose.OWN || !rule.checksOwnership(role));
                actAs(me);
                boolean allowed = passes(check, message.apply(instance(type, whose == Whose.OWN ? mine : theirs,
                        whose, me)));
                if (allowed != expected) {
                    wrong.add(type.getSimpleName() + " as " + role + " on " + whose + ": "
                            + (allowed ? "allowed" : "refused"));
                }
            }
        }
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("visitor", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        boolean allowed = passes(check, message.apply(instance(type, mine, Whose.OTHER, null)));
        if (allowed != rule.anonymousAllowed()) {
            wrong.add(type.getSimpleName() + " as a visitor: " + (allowed ? "allowed" : "refused"));
        }
        actAsNobody();
        if (!passes(check, message.apply(instance(type, theirs, Whose.OTHER, null)))) {
            wrong.add(type.getSimpleName() + " as the portal itself: refused");
        }
    }

    private static <M extends Message<?>> boolean passes(MessageAuthorization.Check<M> check, M message) {
        try {
            check.handle(List.of(message)).apply(0, message);
            return true;
        } catch (DomainRuleViolation refused) {
            assertThat(refused.messageKey()).isEqualTo(MessageAuthorization.REFUSED);
            return false;
        }
    }

    /** An instance with the side's objects in the fields that name an object, and plain values elsewhere. */
    private static Object instance(Class<?> type, AuthorizationWorld.Side side, Whose whose, UserAccount me) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i], side, whose, me);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getName(), e);
        }
    }

    private static Object value(RecordComponent component, AuthorizationWorld.Side side, Whose whose,
                                UserAccount me) {
        String userOfSide = whose == Whose.OWN && me != null ? me.userId() : side.specialist().userId();
        Class<?> type = component.getType();
        if (type == String.class) {
            return switch (component.getName()) {
                case "candidateId", "subjectId" -> side.candidateId();
                case "employerUnitId" -> side.unitId();
                case "openingId" -> side.openingId();
                case "applicationId" -> side.applicationId();
                case "interviewId" -> side.interviewId();
                case "driveId" -> side.driveId();
                case "caseId" -> side.caseId();
                case "specialistUserId", "visitorUserId", "panelMemberUserId" -> userOfSide;
                default -> "matrix-" + UUID.randomUUID().toString().substring(0, 8);
            };
        }
        if (component.getName().equals("openingIds")) {
            return List.of(side.openingId());
        }
        if (component.getName().equals("aggregateIds")) {
            return List.of(side.candidateId(), side.interviewId());
        }
        if (component.getName().equals("panelMemberUserIds")) {
            return Set.of(userOfSide);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == Instant.class) {
            return Instant.now();
        }
        if (type == LocalDate.class) {
            return LocalDate.now();
        }
        if (type == YearMonth.class) {
            return YearMonth.now();
        }
        if (type == List.class || type == Collection.class) {
            return List.of();
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        return null; // value objects the rules never look at
    }

    private String navigate(Class<?> view) {
        @SuppressWarnings("unchecked")
        Class<? extends Component> target = (Class<? extends Component>) view;
        Map<String, String> parameters = new HashMap<>();
        Matcher names = Pattern.compile(":([A-Za-z]+)").matcher(view.getAnnotation(Route.class).value());
        while (names.find()) {
            parameters.put(names.group(1), UUID.randomUUID().toString());
        }
        try {
            UI.getCurrent().navigate(target, new RouteParameters(parameters));
        } catch (MockAccessDeniedException denied) {
            return "refused";
        } catch (RuntimeException failed) {
            return "failed: " + failed;
        }
        // a page may forward to another (home to the recruiter's home, apply to the opening): the guard let it pass
        Component current = UI.getCurrent().getCurrentView();
        return current instanceof LoginView && view != LoginView.class ? "refused" : "opened";
    }

    /** Every record of every {@code *Commands} class of the domain. */
    static List<Class<?>> commandTypes() {
        return sourceClasses(Path.of("../domain/src/main/java"), name -> name.endsWith("Commands"))
                .flatMap(holder -> Arrays.stream(holder.getDeclaredClasses()))
                .filter(Class::isRecord)
                .collect(Collectors.toList());
    }

    /** Every type a query handler of the projections answers. */
    static List<Class<?>> queryTypes() {
        return sourceClasses(Path.of("../projections/src/main/java"), name -> true)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(QueryHandler.class))
                .map(Method::getParameterTypes)
                .map(parameters -> parameters[0])
                .distinct()
                .collect(Collectors.toList());
    }

    static List<Class<?>> routes() {
        return sourceClasses(Path.of("src/main/java"), name -> true)
                .filter(type -> type.isAnnotationPresent(Route.class))
                .collect(Collectors.toList());
    }

    private static Stream<Class<?>> sourceClasses(Path root, Predicate<String> simpleName) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("package-info.java"))
                    .filter(f -> simpleName.test(f.getFileName().toString().replaceFirst("\\.java$", "")))
                    .map(f -> root.relativize(f).toString().replace('/', '.').replaceFirst("\\.java$", ""))
                    .<Class<?>>map(name -> {
                        try {
                            return Class.forName(name);
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException(name, e);
                        }
                    })
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package cn.talentportal.portal;

import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.employer.EmployerCommands.AssignRecruiter;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.AuditMetaData;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.IdNumber;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.i18n.TranslationProvider;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsForEmployer;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidateHistory;
import cn.talentportal.projections.candidate.HistoryEntry;
import cn.talentportal.projections.search.SearchQueries.OpeningHit;
import cn.talentportal.projections.search.SearchQueries.OpeningSearchResult;
import cn.talentportal.projections.search.SearchQueries.SearchOpenings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static cn.talentportal.portal.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The foundation slice through all four modules on the real embedded MongoDB and search node: an administrator
 * creates an employer unit and a recruiter; the recruiter publishes; a graduate registers, finds the opening by a
 * Chinese full-text search and applies; the recruiter sees the application; the auditor sees every event with its
 * actor.
 */
class PortalSliceIntegrationTest extends PortalTestBase {

    @Autowired Commands commands;
    @Autowired QueryGateway queries;
    @Autowired UserAccounts accounts;
    @Autowired EventStore eventStore;
    @Autowired TranslationProvider translations;
    @LocalServerPort int port;

    @AfterEach
    void signOut() {
        actAsNobody();
    }

    @Test
    void an_opening_travels_from_administrator_to_auditor() throws Exception {
        UserAccount admin = account(accounts, "admin", Role.ADMIN, "管理员甲", null, null);
        actAs(admin);
        String unitId = UUID.randomUUID().toString();
        commands.send(new CreateEmployerUnit(unitId, "清溪镇卫生院", EmployerType.HOSPITAL, "清溪镇", Sector.HEALTH));
        String recruiterId = UUID.randomUUID().toString();
        commands.send(new AssignRecruiter(unitId, recruiterId, "何护士长"));
        UserAccount recruiter = accounts.create(recruiterId, "hehushi_" + recruiterId.substring(0, 6), PASSWORD,
                Role.RECRUITER, "何护士长", unitId, null);

        actAs(recruiter);
        String nurseId = publish(unitId, "清溪镇卫生院", "乡镇卫生院急需护士长", "负责门诊与住院护理管理", "护理学");
        publish(unitId, "清溪镇卫生院", "药剂师", "负责药房调剂与药品管理", "药学");

        actAsNobody();
        String candidateId = UUID.randomUUID().toString();
        commands.send(new RegisterCandidate(candidateId, "林晓雨", new PhoneNumber("13700137001"),
                new EmailAddress("linxiaoyu@example.cn"), new IdNumber("510123200006150023"),
                new CandidateProfile(Education.BACHELOR, "川北医学院", "护理学", 2026, "清溪镇", "南充", null),
                new RegistrationChannel(CandidateSource.LIVESTREAM, null, "清溪镇卫生院直播带岗"),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        UserAccount graduate = account(accounts, "lin", Role.CANDIDATE, "林晓雨", null, candidateId);
        // the same phone again: refused, naming the kind of key and the first registration's channel only
        DomainRuleViolation duplicate = catchThrowableOfType(DomainRuleViolation.class, () -> commands.send(
                new RegisterCandidate(UUID.randomUUID().toString(), "林小雨", new PhoneNumber("137 0013 7001"),
                        new EmailAddress("lin.other@example.cn"), null,
                        new CandidateProfile(Education.BACHELOR, null, null, null, null, null, null),
                        new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                        RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL))));
        assertThat(duplicate.messageKey()).isEqualTo("candidate.duplicate");
        assertThat(translations.getTranslation(duplicate.messageKey(), TranslationProvider.CHINESE,
                duplicate.arguments().stream().map(label -> translations.getTranslation((String) label,
                        TranslationProvider.CHINESE)).toArray()))
                .startsWith("该手机号码已注册过（注册渠道：直播带岗）").doesNotContain("13700137001", "林晓雨");

        actAs(graduate);
        // 护士 is a word inside 护士长: found through the cjk bigram sub-field
        OpeningSearchResult found = eventually(() -> search("护士"),
                r -> r.hits().stream().anyMatch(h -> h.openingId().equals(nurseId)), "the nurse opening in search");
        OpeningHit hit = found.hits().stream().filter(h -> h.openingId().equals(nurseId)).findFirst().orElseThrow();
        assertThat(hit.highlightedTitle()).contains("<em>");
        assertThat(found.hits()).noneMatch(h -> h.title().equals("药剂师"));
        assertThat(found.facets().get("sector")).containsKey("HEALTH");

        String applicationId = UUID.randomUUID().toString();
        commands.send(new ApplyToOpening(candidateId, applicationId, nurseId));
        assertThatThrownBy(() -> commands.send(new ApplyToOpening(candidateId, UUID.randomUUID().toString(), nurseId)))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("application.alreadyApplied");

        actAs(recruiter);
        List<ApplicationView> received = eventually(() -> queries.query(new FindApplicationsForEmployer(unitId),
                        ResponseTypes.multipleInstancesOf(ApplicationView.class)).join(),
                list -> !list.isEmpty(), "the application in the recruiter's list");
        assertThat(received).singleElement().satisfies(a -> {
            assertThat(a.candidateName()).isEqualTo("林晓雨");
            assertThat(a.openingTitle()).isEqualTo("乡镇卫生院急需护士长");
            assertThat(a.applicationId()).isEqualTo(applicationId);
        });

        List<HistoryEntry> history = asSystem(() -> queries.query(new FindCandidateHistory(candidateId),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class)).join());
        assertThat(history).extracting(HistoryEntry::eventType)
                .containsExactly("CandidateRegistered", "ApplicationSubmitted");
        assertThat(history.get(0).actorRole()).isEqualTo("anonymous");
        assertThat(history.get(1)).satisfies(applied -> {
            assertThat(applied.actorName()).isEqualTo("林晓雨");
            assertThat(applied.actorRole()).isEqualTo("CANDIDATE");
            assertThat(applied.actorId()).isEqualTo(graduate.userId());
            assertThat(applied.correlationId()).isNotBlank();
        });

        List<? extends DomainEventMessage<?>> openingEvents = eventStore.readEvents(nurseId).asStream().toList();
        assertThat(openingEvents).allSatisfy(e -> {
            assertThat(e.getMetaData().get(AuditMetaData.USER_NAME)).isEqualTo("何护士长");
            assertThat(e.getMetaData().get(AuditMetaData.ROLE)).isEqualTo("RECRUITER");
        });
        assertThat(eventStore.readEvents(unitId).asStream().map(e -> e.getMetaData().get(AuditMetaData.USER_NAME)))
                .containsOnly("管理员甲");

        HttpResponse<String> publicApi = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/public/openings?q=" + URLEncoder.encode("护士", StandardCharsets.UTF_8)
                        + "&sector=health")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(publicApi.statusCode()).isEqualTo(200);
        assertThat(publicApi.body()).contains("乡镇卫生院急需护士长").doesNotContain("13700137001");
        HttpResponse<String> badRequest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/public/openings?sector=%7B%22%24gt%22%3A%22%22%7D")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(badRequest.statusCode()).isEqualTo(400);
        assertThat(badRequest.body()).contains("invalid_parameter");
        for (String paging : new String[] {"size=500", "size=0", "page=-1", "page=300&size=50"}) {
            HttpResponse<String> badPaging = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/api/public/openings?" + paging)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(badPaging.statusCode()).as(paging).isEqualTo(400);
        }
    }

    private String publish(String unitId, String unitName, String title, String description, String major) {
        String openingId = UUID.randomUUID().toString();
        commands.send(new DraftOpening(openingId, unitId, unitName, new OpeningDetails(title, description, Sector.HEALTH,
                "清溪镇", Education.JUNIOR_COLLEGE, major, 4500, 6500, 2, Set.of(TalentCategory.URGENTLY_NEEDED),
                LocalDate.now().plusMonths(1))));
        commands.send(new PublishOpening(openingId));
        return openingId;
    }

    private OpeningSearchResult search(String text) {
        return queries.query(new SearchOpenings(text, null, null, 0, 20), OpeningSearchResult.class).join();
    }
}

package cn.talentportal.portal.alerts;

import cn.talentportal.domain.alert.JobAlertCommands.DeleteSavedSearch;
import cn.talentportal.domain.alert.JobAlertCommands.MarkJobAlertsRead;
import cn.talentportal.domain.alert.JobAlertCommands.RaiseJobAlert;
import cn.talentportal.domain.alert.JobAlertCommands.SaveSearch;
import cn.talentportal.domain.alert.JobAlertEvents.JobAlertRaised;
import cn.talentportal.domain.alert.JobAlerts;
import cn.talentportal.domain.alert.SearchCriteria;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.employer.EmployerCommands.AssignRecruiter;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.PauseOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningCommands.ResumeOpening;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.AuditMetaData;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.ActorMetaData;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.alert.AlertQueries.CountUnreadNotifications;
import cn.talentportal.projections.alert.AlertQueries.FindNotifications;
import cn.talentportal.projections.alert.AlertQueries.FindSavedSearches;
import cn.talentportal.projections.alert.NotificationView;
import cn.talentportal.projections.alert.SavedSearchEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static cn.talentportal.portal.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved searches and job alerts on the real embedded stack: the saved search is a percolator query in the search
 * node, a publication is percolated by the {@code job-alerts} process, the alert is an event in the store and a
 * notification in MongoDB, within 2 s of the publication.
 */
class JobAlertsIntegrationTest extends PortalTestBase {

    static final Duration ALERT_WITHIN = Duration.ofSeconds(2);

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired QueryGateway queries;
    @Autowired EventStore eventStore;
    @Autowired EventProcessingConfiguration processing;
    @Autowired Clock clock;

    private final Set<String> published = new java.util.HashSet<>();
    private UserAccount recruiter;
    private String unitId;

    @AfterEach
    void signOut() {
        actAsNobody();
    }

    @Test
    void a_matching_publication_alerts_the_candidate_within_two_seconds_once_and_not_after_the_search_is_deleted()
            throws Exception {
        hospitalWithRecruiter();
        UserAccount candidate = registeredCandidate("张护士");
        String candidateId = candidate.candidateId();
        actAs(candidate);
        commands.send(new SaveSearch(candidateId, "nurses-" + candidateId, "卫生行业护士",
                new SearchCriteria("护士", Sector.HEALTH, null)));
        commands.send(new SaveSearch(candidateId, "pharmacists-" + candidateId, "药剂师",
                new SearchCriteria("药剂师", null, null)));
        eventually(() -> savedSearches(candidateId), searches -> searches.size() == 2,
                "both saved searches in the percolator index");

        // the non-matching ones first: once the matching alert is there, the process has handled them too
        String schoolNurse = publish("校医室护士", Sector.EDUCATION);
        String accountant = publish("财务会计", Sector.HEALTH);
        String draftNurse = draft("急需护士", Sector.HEALTH);
        actAs(recruiter);
        long publishedAt = System.nanoTime();
        commands.send(new PublishOpening(draftNurse));
        Duration toEvent = null;
        Duration toNotification = null;
        while (System.nanoTime() - publishedAt < Duration.ofSeconds(10).toNanos()) {
            if (toEvent == null && !alertsInStore(candidateId, draftNurse).isEmpty()) {
                toEvent = Duration.ofNanos(System.nanoTime() - publishedAt);
            }
            if (notifications(candidateId).stream().anyMatch(n -> n.openingId().equals(draftNurse))) {
                toNotification = Duration.ofNanos(System.nanoTime() - publishedAt);
                if (toEvent == null) {
                    toEvent = toNotification;
                }
                break;
            }
            Thread.sleep(5);
        }
        System.out.printf("Job alert delay from publication: event stored after %d ms, notification stored after %d"
                + " ms%n", toEvent == null ? -1 : toEvent.toMillis(), toNotification == null ? -1
                : toNotification.toMillis());
        assertThat(toNotification).as("publication to notification").isNotNull().isLessThanOrEqualTo(ALERT_WITHIN);
        assertThat(toEvent).as("publication to JobAlertRaised").isLessThanOrEqualTo(ALERT_WITHIN);

        List<DomainEventMessage<?>> alerts = alertsInStore(candidateId, draftNurse);
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat((JobAlertRaised) alert.getPayload()).isEqualTo(new JobAlertRaised("nurses-" + candidateId,
                    candidateId, "卫生行业护士", draftNurse, "急需护士", "县人民医院"));
            assertThat(alert.getMetaData()).containsEntry(AuditMetaData.USER_ID, ActorMetaData.SYSTEM);
        });
        assertThat(notifications(candidateId)).extracting(NotificationView::openingId)
                .containsExactly(draftNurse)
                .doesNotContain(schoolNurse, accountant);
        assertThat(unread(candidateId)).isEqualTo(1);

        // redelivery: the same alert sent again, a pause and resume, a replay of the process: still one alert
        actAs(recruiter);
        commands.sendAsSystem(new RaiseJobAlert(candidateId, "nurses-" + candidateId, draftNurse, "急需护士",
                "县人民医院"));
        commands.send(new PauseOpening(draftNurse, "等待编制审批"));
        commands.send(new ResumeOpening(draftNurse));
        replayJobAlertProcess();
        // (the replay also alerts this candidate to matching openings other test classes published before)
        String pharmacist = publish("药剂师", Sector.HEALTH);
        eventually(() -> ours(notifications(candidateId)), n -> n.size() == 2, "the pharmacist alert after the replay");
        assertThat(alertsInStore(candidateId, draftNurse)).as("alerts for the nurse opening").hasSize(1);
        assertThat(ours(notifications(candidateId))).extracting(NotificationView::openingId)
                .containsExactly(pharmacist, draftNurse);

        // reading marks both; deleting the nurse search stops its alerts
        actAs(candidate);
        commands.send(new MarkJobAlertsRead(candidateId));
        eventually(() -> unread(candidateId), unread -> unread == 0, "alerts read");
        commands.send(new DeleteSavedSearch(candidateId, "nurses-" + candidateId));
        eventually(() -> savedSearches(candidateId), searches -> searches.size() == 1,
                "the deleted search gone from the percolator index");
        String headNurse = publish("护士长", Sector.HEALTH);
        String secondPharmacist = publish("中药药剂师", Sector.HEALTH);
        eventually(() -> ours(notifications(candidateId)), n -> n.size() == 3, "the second pharmacist alert");
        assertThat(ours(notifications(candidateId))).extracting(NotificationView::openingId)
                .containsExactly(secondPharmacist, pharmacist, draftNurse);
        assertThat(notifications(candidateId)).extracting(NotificationView::openingId).doesNotContain(headNurse);
        assertThat(ours(notifications(candidateId))).extracting(NotificationView::read)
                .containsExactly(false, true, true);
        assertThat(unread(candidateId)).isEqualTo(1);
    }

    /**
     * Publications handled in one batch of the process are percolated together; each alert still carries the origin
     * of its own publication (its trace), not that of the batch's last event.
     */
    @Test
    void publications_of_one_batch_each_alert_with_their_own_origin() throws Exception {
        hospitalWithRecruiter();
        UserAccount candidate = registeredCandidate("王护士");
        String candidateId = candidate.candidateId();
        actAs(candidate);
        commands.send(new SaveSearch(candidateId, "all-nurses-" + candidateId, "护士岗位",
                new SearchCriteria("护士", null, null)));
        eventually(() -> savedSearches(candidateId), searches -> searches.size() == 1, "the search in the percolator");

        TrackingEventProcessor process = processing.eventProcessor("job-alerts", TrackingEventProcessor.class)
                .orElseThrow();
        List<String> openings;
        process.shutDown();
        try {
            openings = List.of(publish("门诊护士", Sector.HEALTH), publish("急诊科护士", Sector.HEALTH),
                    publish("手术室护士", Sector.HEALTH));
        } finally {
            process.start();
        }

        eventually(() -> openings.stream().mapToInt(o -> alertsInStore(candidateId, o).size()).sum(),
                alerts -> alerts == 3, "an alert for each of the three openings");
        for (String openingId : openings) {
            DomainEventMessage<?> publication = eventStore.readEvents(openingId).asStream()
                    .filter(e -> e.getPayload() instanceof OpeningPublished).findFirst().orElseThrow();
            DomainEventMessage<?> alert = alertsInStore(candidateId, openingId).getFirst();
            assertThat(alert.getMetaData().get("traceId")).as("the trace of the alert for " + openingId)
                    .isNotNull().isEqualTo(publication.getMetaData().get("traceId"));
            assertThat(alert.getMetaData()).containsEntry(AuditMetaData.USER_ID, ActorMetaData.SYSTEM);
        }
        assertThat(openings.stream().map(o -> alertsInStore(candidateId, o).getFirst().getMetaData().get("traceId"))
                .distinct()).as("three publications, three traces").hasSize(3);
    }

    /** Alerts for openings this test published. */
    private List<NotificationView> ours(List<NotificationView> notifications) {
        return notifications.stream().filter(n -> published.contains(n.openingId())).toList();
    }

    private void replayJobAlertProcess() {
        TrackingEventProcessor process = processing.eventProcessor("job-alerts", TrackingEventProcessor.class)
                .orElseThrow();
        process.shutDown();
        process.resetTokens();
        process.start();
    }

    private List<DomainEventMessage<?>> alertsInStore(String candidateId, String openingId) {
        return eventStore.readEvents(JobAlerts.idOf(candidateId)).asStream()
                .filter(e -> e.getPayload() instanceof JobAlertRaised alert && alert.openingId().equals(openingId))
                .<DomainEventMessage<?>>map(e -> e)
                .toList();
    }

    private List<NotificationView> notifications(String candidateId) {
        return asSystem(() -> queries.query(new FindNotifications(candidateId, 50),
                ResponseTypes.multipleInstancesOf(NotificationView.class)).join());
    }

    private long unread(String candidateId) {
        return asSystem(() -> queries.query(new CountUnreadNotifications(candidateId), Long.class).join());
    }

    private List<SavedSearchEntry> savedSearches(String candidateId) {
        return asSystem(() -> queries.query(new FindSavedSearches(candidateId),
                ResponseTypes.multipleInstancesOf(SavedSearchEntry.class)).join());
    }

    private void hospitalWithRecruiter() {
        UserAccount admin = account(accounts, "admin", Role.ADMIN, "管理员", null, null);
        actAs(admin);
        unitId = UUID.randomUUID().toString();
        commands.send(new CreateEmployerUnit(unitId, "县人民医院", EmployerType.HOSPITAL, "城关镇", Sector.HEALTH));
        recruiter = account(accounts, "hospital", Role.RECRUITER, "刘主任", unitId, null);
        commands.send(new AssignRecruiter(unitId, recruiter.userId(), recruiter.displayName()));
    }

    private UserAccount registeredCandidate(String name) {
        actAsNobody();
        String candidateId = UUID.randomUUID().toString();
        String digits = String.format("%08d", Math.floorMod(candidateId.hashCode(), 100_000_000));
        commands.send(new RegisterCandidate(candidateId, name, new PhoneNumber("137" + digits),
                new EmailAddress("n" + digits + "@example.cn"), null,
                new CandidateProfile(Education.JUNIOR_COLLEGE, "县卫生学校", "护理学", 2026, "城关镇", null, null),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        return account(accounts, "nurse", Role.CANDIDATE, name, null, candidateId);
    }

    private String draft(String title, Sector sector) {
        actAs(recruiter);
        String openingId = UUID.randomUUID().toString();
        published.add(openingId);
        commands.send(new DraftOpening(openingId, unitId, "县人民医院", new OpeningDetails(title, "负责门诊与住院部相关工作",
                sector, "城关镇", Education.JUNIOR_COLLEGE, null, 4500, 6500, 2, Set.of(TalentCategory.URGENTLY_NEEDED),
                LocalDate.now(clock).plusMonths(2))));
        return openingId;
    }

    private String publish(String title, Sector sector) {
        String openingId = draft(title, sector);
        commands.send(new PublishOpening(openingId));
        return openingId;
    }
}

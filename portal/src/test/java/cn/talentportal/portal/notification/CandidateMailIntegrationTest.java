package cn.talentportal.portal.notification;

import cn.talentportal.domain.alert.JobAlertCommands.SaveSearch;
import cn.talentportal.domain.alert.JobAlertEvents.JobAlertRaised;
import cn.talentportal.domain.alert.JobAlerts;
import cn.talentportal.domain.alert.SearchCriteria;
import cn.talentportal.domain.candidate.CandidateCommands.GiveConsent;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.WithdrawConsent;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExtended;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.employer.EmployerCommands.AssignRecruiter;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.notification.NotificationEvents.NotificationQueued;
import cn.talentportal.domain.notification.NotificationEvents.NotificationSent;
import cn.talentportal.domain.notification.NotificationTopic;
import cn.talentportal.domain.notification.RecipientKind;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.infra.deadline.MongoDeadlineManager;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.TestMailServer;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.journey.ExtendedOffers.Offered;
import cn.talentportal.portal.journey.ExtendedOffers;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.alert.AlertQueries.FindSavedSearches;
import cn.talentportal.projections.alert.SavedSearchEntry;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static cn.talentportal.portal.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Offer letters and job alert mails on the interview mails' path (decision 0018), against a real SMTP server in
 * the test JVM (GreenMail): one offer letter per extended offer with its terms in Chinese and English, nothing more
 * on a redelivery and no replay at all; the lapse of an unanswered offer; a mail per job alert up to the daily limit.
 */
class CandidateMailIntegrationTest extends PortalTestBase {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(TestMailServer.PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired MongoDeadlineManager deadlines;
    @Autowired EventStore eventStore;
    @Autowired Recipients recipients;
    @Autowired CandidateNotifications candidateNotifications;
    @Autowired EventProcessingConfiguration processing;
    @Autowired QueryGateway queries;

    @AfterEach
    void backToNow() {
        clock.reset();
        actAsNobody();
    }

    @Test
    void an_extended_offer_mails_one_offer_letter_and_a_redelivery_none_more() throws Exception {
        String title = "高中数学教师" + suffix();
        String school = "县第五中学" + suffix();
        Offered offer = new ExtendedOffers(commands, accounts, clock)
                .offer(school, "郑雨桐", title, "高二数学教师", 6200, 40, 10);
        String address = recipients.addressOf(RecipientKind.CANDIDATE, offer.candidateId()).orElseThrow();

        MimeMessage letter = awaitMails(subjectHas("录用通知：" + title), 1).get(0);
        assertThat(letter.getSubject()).isEqualTo("录用通知：" + title + "（" + school + "） / Offer of employment: "
                + title + " (" + school + ")");
        assertThat(addressesOf(letter)).containsExactly(address);
        String text = textOf(letter);
        LocalDate start = offer.terms().proposedStartDate();
        LocalDate respondBy = offer.terms().respondBy();
        assertThat(text).contains("郑雨桐，您好", school, "“" + title + "”", "岗位：高二数学教师", "月薪：6,200 元",
                "拟到岗日期：" + longDate(start, Locale.SIMPLIFIED_CHINESE),
                "答复截止日期：" + longDate(respondBy, Locale.SIMPLIFIED_CHINESE), "接受或谢绝",
                "Dear 郑雨桐", "offer you the position \"" + title + "\"", "Post: 高二数学教师",
                "Monthly salary: 6,200 yuan", "Proposed start date: " + longDate(start, Locale.ENGLISH),
                "Please answer by: " + longDate(respondBy, Locale.ENGLISH), "accept or decline this offer",
                "/my-applications");
        assertThat(text.indexOf("录用条件")).as("Chinese first").isLessThan(text.indexOf("on these terms"));

        // sent is an event, and no address is in the notification's events
        DomainEventMessage<?> extended = eventOf(offer.candidateId(), OfferExtended.class);
        String notificationId = InterviewNotifications.notificationIdFor(offer.candidateId(),
                extended.getSequenceNumber(), offer.candidateId());
        List<Object> events = eventually(() -> eventsOf(notificationId),
                e -> e.stream().anyMatch(NotificationSent.class::isInstance), "the offer letter recorded as sent");
        assertThat(events.get(0)).isInstanceOfSatisfying(NotificationQueued.class, queued -> {
            assertThat(queued.topic()).isEqualTo(NotificationTopic.OFFER_LETTER);
            assertThat(queued.aboutId()).isEqualTo(offer.candidateId());
            assertThat(queued.recipientId()).isEqualTo(offer.candidateId());
        });
        assertThat(events.toString()).doesNotContain(address);

        // redelivered (as after a crash before the processor stored its position): nothing queued or sent twice
        candidateNotifications.on((OfferExtended) extended.getPayload(), extended.getSequenceNumber());
        // and the process cannot be reset to replay: every handler disallows replay
        TrackingEventProcessor process = processing.eventProcessor(CandidateNotifications.PROCESSING_GROUP,
                TrackingEventProcessor.class).orElseThrow();
        assertThatThrownBy(process::resetTokens).isInstanceOf(IllegalStateException.class);

        // the offer lapses unanswered: one mail that says so, and still one letter
        clock.advance(Duration.ofDays(11));
        deadlines.pollNow();
        MimeMessage lapsed = awaitMails(subjectHas("录用通知已失效：" + title), 1).get(0);
        assertThat(addressesOf(lapsed)).containsExactly(address);
        assertThat(lapsed.getSubject()).isEqualTo("录用通知已失效：" + title + "（" + school + "） / Offer lapsed: "
                + title + " (" + school + ")");
        assertThat(textOf(lapsed)).contains("答复截止日期 " + longDate(respondBy, Locale.SIMPLIFIED_CHINESE),
                "was not answered by " + longDate(respondBy, Locale.ENGLISH), "/my-applications");
        assertThat(mails(subjectHas("录用通知：" + title))).hasSize(1);
        assertThat(eventsOf(notificationId)).filteredOn(NotificationQueued.class::isInstance).hasSize(1);
        assertThat(eventsOf(notificationId)).filteredOn(NotificationSent.class::isInstance).hasSize(1);
    }

    @Test
    void job_alerts_are_mailed_up_to_the_daily_limit_and_the_rest_stay_in_the_portal() throws Exception {
        String marker = "康复治疗师" + suffix();
        Hospital hospital = hospitalWithRecruiter("县中医院" + suffix());
        UserAccount candidate = registeredCandidate("冯晓");
        String candidateId = candidate.candidateId();
        String address = recipients.addressOf(RecipientKind.CANDIDATE, candidateId).orElseThrow();
        actAs(candidate);
        commands.send(new SaveSearch(candidateId, "rehab-" + candidateId, "康复岗位",
                new SearchCriteria(marker, Sector.HEALTH, null)));
        eventually(() -> queries.query(new FindSavedSearches(candidateId),
                ResponseTypes.multipleInstancesOf(SavedSearchEntry.class)).join(), s -> s.size() == 1,
                "the saved search in the percolator index");

        String first = publish(hospital, marker + " 一号");
        MimeMessage alert = awaitMails(subjectHas(marker + " 一号"), 1).get(0);
        assertThat(alert.getSubject()).isEqualTo("职位提醒：" + marker + " 一号（" + hospital.name()
                + "） / Job alert: " + marker + " 一号 (" + hospital.name() + ")");
        assertThat(addressesOf(alert)).containsExactly(address);
        assertThat(textOf(alert)).contains("冯晓，您好", hospital.name(), "“康复岗位”", "/alerts/opening/" + first,
                "每天最多发送 5 封", "Dear 冯晓", "matches your saved search \"康复岗位\"", "at most 5 alert mails");

        // six more the same day: four more mails (five in all), the other two alerts only in the portal
        int more = CandidateNotifications.ALERT_MAILS_PER_DAY + 1;
        for (int i = 2; i <= 1 + more; i++) {
            publish(hospital, marker + " " + i + "号");
        }
        List<DomainEventMessage<?>> alerts = eventually(() -> alertsOf(candidateId), a -> a.size() == 1 + more,
                "seven alerts raised");
        assumeTrue(alerts.stream().map(a -> LocalDate.ofInstant(a.getTimestamp(), PortalFormats.OFFICE_ZONE))
                .distinct().count() == 1, "a run across midnight in Shanghai starts a new day's count");
        // the process has handled the last alert once its decision is visible: wait for the fifth mail, then a bit
        awaitMails(subjectHas(marker), CandidateNotifications.ALERT_MAILS_PER_DAY);
        Thread.sleep(3000);
        List<MimeMessage> mailed = mails(subjectHas(marker));
        assertThat(mailed).hasSize(CandidateNotifications.ALERT_MAILS_PER_DAY);
        List<String> queued = new ArrayList<>();
        for (DomainEventMessage<?> raised : alerts) {
            String id = InterviewNotifications.notificationIdFor(JobAlerts.idOf(candidateId),
                    raised.getSequenceNumber(), candidateId);
            if (!eventsOf(id).isEmpty()) {
                queued.add(((JobAlertRaised) raised.getPayload()).openingTitle());
            }
        }
        assertThat(queued).as("the first five alerts of the day are the ones mailed")
                .containsExactlyElementsOf(alerts.subList(0, CandidateNotifications.ALERT_MAILS_PER_DAY).stream()
                        .map(a -> ((JobAlertRaised) a.getPayload()).openingTitle()).toList())
                .allSatisfy(t -> assertThat(mailed).anySatisfy(m -> assertThat(m.getSubject()).contains(t)));

        // a redelivered alert over the limit queues nothing; one under it queues nothing twice
        DomainEventMessage<?> last = alerts.get(alerts.size() - 1);
        candidateNotifications.on((JobAlertRaised) last.getPayload(), last.getSequenceNumber(), last.getTimestamp());
        DomainEventMessage<?> firstAlert = alerts.get(0);
        candidateNotifications.on((JobAlertRaised) firstAlert.getPayload(), firstAlert.getSequenceNumber(),
                firstAlert.getTimestamp());
        Thread.sleep(2000);
        assertThat(mails(subjectHas(marker))).hasSize(CandidateNotifications.ALERT_MAILS_PER_DAY);
        assertThat(eventsOf(InterviewNotifications.notificationIdFor(JobAlerts.idOf(candidateId),
                last.getSequenceNumber(), candidateId))).as("no notification for the 7th alert").isEmpty();
        assertThat(eventsOf(InterviewNotifications.notificationIdFor(JobAlerts.idOf(candidateId),
                firstAlert.getSequenceNumber(), candidateId))).filteredOn(NotificationQueued.class::isInstance)
                .hasSize(1);
    }

    /**
     * An alert mail is optional: while the candidate withholds consent to alert mails the alert stays in the portal
     * only, and a consent given later mails the next alerts, not that one, even on a redelivery.
     */
    @Test
    void no_alert_is_mailed_while_the_candidate_withholds_consent_to_alert_mails() throws Exception {
        String marker = "中药师" + suffix();
        Hospital hospital = hospitalWithRecruiter("县中医院" + suffix());
        UserAccount candidate = registeredCandidate("魏青");
        String candidateId = candidate.candidateId();
        actAs(candidate);
        commands.send(new WithdrawConsent(candidateId, JOB_ALERT_MAIL));
        commands.send(new SaveSearch(candidateId, "herbs-" + candidateId, "中药岗位",
                new SearchCriteria(marker, Sector.HEALTH, null)));
        eventually(() -> queries.query(new FindSavedSearches(candidateId),
                ResponseTypes.multipleInstancesOf(SavedSearchEntry.class)).join(), s -> s.size() == 1,
                "the saved search in the percolator index");

        publish(hospital, marker + " 一号");
        DomainEventMessage<?> withheld = eventually(() -> alertsOf(candidateId), a -> a.size() == 1,
                "the alert raised").get(0);
        actAs(candidate);
        commands.send(new GiveConsent(candidateId, JOB_ALERT_MAIL, "2026-11"));
        publish(hospital, marker + " 二号");

        awaitMails(subjectHas(marker + " 二号"), 1);
        String withheldId = InterviewNotifications.notificationIdFor(JobAlerts.idOf(candidateId),
                withheld.getSequenceNumber(), candidateId);
        assertThat(mails(subjectHas(marker + " 一号"))).isEmpty();
        assertThat(eventsOf(withheldId)).as("nothing queued for the alert raised without consent").isEmpty();

        // redelivered now that the consent is given: the consent at the alert's time decides, so still nothing
        candidateNotifications.on((JobAlertRaised) withheld.getPayload(), withheld.getSequenceNumber(),
                withheld.getTimestamp());
        assertThat(eventsOf(withheldId)).isEmpty();
    }

    @Test
    void an_alert_of_a_candidate_who_never_registered_is_skipped_rather_than_retried_for_ever() {
        String stranger = UUID.randomUUID().toString();
        JobAlertRaised alert = new JobAlertRaised("s1", stranger, "护士", UUID.randomUUID().toString(), "急需护士",
                "县人民医院");

        candidateNotifications.on(alert, 0, Instant.now());

        assertThat(eventsOf(InterviewNotifications.notificationIdFor(JobAlerts.idOf(stranger), 0, stranger)))
                .isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    record Hospital(String unitId, String name, UserAccount recruiter) {
    }

    private Hospital hospitalWithRecruiter(String name) {
        UserAccount admin = account(accounts, "admin", Role.ADMIN, "管理员", null, null);
        actAs(admin);
        String unitId = UUID.randomUUID().toString();
        commands.send(new CreateEmployerUnit(unitId, name, EmployerType.HOSPITAL, "城关镇", Sector.HEALTH));
        UserAccount recruiter = account(accounts, "hospital", Role.RECRUITER, "韩主任", unitId, null);
        commands.send(new AssignRecruiter(unitId, recruiter.userId(), recruiter.displayName()));
        return new Hospital(unitId, name, recruiter);
    }

    private UserAccount registeredCandidate(String name) {
        actAsNobody();
        String candidateId = UUID.randomUUID().toString();
        String digits = String.format("%08d", Math.floorMod(candidateId.hashCode(), 100_000_000));
        commands.send(new RegisterCandidate(candidateId, name, new PhoneNumber("136" + digits),
                new EmailAddress("r" + digits + "@example.cn"), null,
                new CandidateProfile(Education.JUNIOR_COLLEGE, "县卫生学校", "康复治疗技术", 2026, "城关镇", null, null),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        return account(accounts, "rehab", Role.CANDIDATE, name, null, candidateId);
    }

    private String publish(Hospital hospital, String title) {
        actAs(hospital.recruiter());
        String openingId = UUID.randomUUID().toString();
        commands.send(new DraftOpening(openingId, hospital.unitId(), hospital.name(), new OpeningDetails(title,
                "负责康复科门诊工作", Sector.HEALTH, "城关镇", Education.JUNIOR_COLLEGE, null, 4500, 6000, 1,
                Set.of(TalentCategory.URGENTLY_NEEDED), LocalDate.now(clock).plusMonths(2))));
        commands.send(new PublishOpening(openingId));
        return openingId;
    }

    private List<DomainEventMessage<?>> alertsOf(String candidateId) {
        return eventStore.readEvents(JobAlerts.idOf(candidateId), 0).asStream()
                .filter(e -> e.getPayload() instanceof JobAlertRaised)
                .<DomainEventMessage<?>>map(e -> e)
                .toList();
    }

    private DomainEventMessage<?> eventOf(String streamId, Class<?> type) {
        return eventStore.readEvents(streamId, 0).asStream().filter(m -> type.isInstance(m.getPayload()))
                .findFirst().orElseThrow();
    }

    private List<Object> eventsOf(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0).asStream().map(m -> (Object) m.getPayload()).toList();
    }

    private static String longDate(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static Predicate<MimeMessage> subjectHas(String text) {
        return message -> {
            try {
                return message.getSubject() != null && message.getSubject().contains(text);
            } catch (Exception e) {
                return false;
            }
        };
    }

    private static List<MimeMessage> mails(Predicate<MimeMessage> which) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(which).toList();
    }

    private static List<MimeMessage> awaitMails(Predicate<MimeMessage> which, int count) {
        return eventually(() -> mails(which), found -> found.size() >= count, count + " mails");
    }

    private static List<String> addressesOf(MimeMessage message) throws Exception {
        return Arrays.stream(message.getAllRecipients()).map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    private static String textOf(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return part.getContent().toString();
                }
                if (part.getContent() instanceof Multipart nested) {
                    for (int j = 0; j < nested.getCount(); j++) {
                        if (nested.getBodyPart(j).isMimeType("text/plain")) {
                            return nested.getBodyPart(j).getContent().toString();
                        }
                    }
                }
            }
        }
        return content.toString();
    }
}

package cn.talentportal.projections.retention;

import cn.talentportal.domain.retention.AllowancePolicyEvents.AllowancePolicyPublished;
import cn.talentportal.domain.retention.AllowancePolicyEvents.AllowancePolicyRevised;
import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.retention.CardLevel;
import cn.talentportal.domain.retention.RetentionEvents.AllowanceGranted;
import cn.talentportal.domain.retention.RetentionEvents.ApartmentAllocated;
import cn.talentportal.domain.retention.RetentionEvents.FollowUpVisitRecorded;
import cn.talentportal.domain.retention.RetentionEvents.RetentionCaseOpened;
import cn.talentportal.domain.retention.RetentionEvents.RetentionServiceRefused;
import cn.talentportal.domain.retention.RetentionEvents.RetentionServiceRequested;
import cn.talentportal.domain.retention.RetentionEvents.ServiceCardIssued;
import cn.talentportal.domain.retention.RetentionEvents.ServiceSpecialistAssigned;
import cn.talentportal.domain.retention.RetentionEvents.VisitProblemResolved;
import cn.talentportal.domain.retention.ServiceType;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.projections.retention.RetentionQueries.CountCaseload;
import cn.talentportal.projections.retention.RetentionQueries.CountUnassignedCases;
import cn.talentportal.projections.retention.RetentionQueries.FindAllowancePolicies;
import cn.talentportal.projections.retention.RetentionQueries.FindCaseloadPage;
import cn.talentportal.projections.retention.RetentionQueries.FindCasesOfCandidate;
import cn.talentportal.projections.retention.RetentionQueries.FindFollowUpVisits;
import cn.talentportal.projections.retention.RetentionQueries.FindRetentionCase;
import cn.talentportal.projections.retention.RetentionQueries.FindServiceRequests;
import cn.talentportal.projections.retention.RetentionQueries.FindUnassignedCases;
import cn.talentportal.projections.testing.Collections;
import cn.talentportal.projections.testing.InMemoryMongo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The read models behind the specialist's case page, the talent's services page and the policies page. */
class RetentionServicesTest {

    static final LocalDate START = LocalDate.of(2026, 12, 1);
    static final Instant T0 = Instant.parse("2026-12-05T02:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final RetentionServicesProjection services = new RetentionServicesProjection(mongo.database);
    private final RetentionCaseloadProjection caseload = new RetentionCaseloadProjection(mongo.database);
    private final AllowancePoliciesProjection policies = new AllowancePoliciesProjection(mongo.database);
    private final List<Runnable> history = new ArrayList<>();

    @AfterEach
    void close() {
        mongo.close();
    }

    private void happen(Runnable event) {
        event.run();
        history.add(event);
    }

    @Test
    void each_request_shows_its_status_and_answer_and_a_replay_changes_nothing() {
        happen(() -> services.on(new RetentionServiceRequested("k1", "c1", "王芳", "q1", ServiceType.TALENT_APARTMENT,
                "希望12月入住"), T0));
        happen(() -> services.on(new RetentionServiceRequested("k1", "c1", "王芳", "q2", ServiceType.ALLOWANCE,
                "生活补贴"), T0.plusSeconds(60)));
        happen(() -> services.on(new RetentionServiceRequested("k1", "c1", "王芳", "q3", ServiceType.SERVICE_CARD,
                null), T0.plusSeconds(120)));
        happen(() -> services.on(new RetentionServiceRequested("k2", "c2", "李明", "q9", ServiceType.ALLOWANCE,
                "住房补贴"), T0.plusSeconds(180)));
        happen(() -> services.on(new ApartmentAllocated("k1", "c1", "王芳", "q1", "人才公寓3-201", START),
                T0.plusSeconds(300)));
        happen(() -> services.on(new RetentionServiceRefused("k1", "c1", "王芳", "q2", ServiceType.ALLOWANCE,
                "已享受同类补贴"), T0.plusSeconds(360)));
        // a grant on the office's own initiative answers no request and adds none
        happen(() -> services.on(new ServiceCardIssued("k1", "c1", "王芳", null, "NO-1", CardLevel.GREEN_CARD),
                T0.plusSeconds(400)));
        happen(() -> services.on(new FollowUpVisitRecorded("k1", "c1", "王芳", "v1", "s1", "陈专员",
                LocalDate.of(2027, 1, 10), "适应良好", List.of("通勤不便", "子女入学咨询"))));
        happen(() -> services.on(new VisitProblemResolved("k1", "c1", "王芳", "v1", "通勤不便", "安排班车")));

        List<ServiceRequestView> requests = services.handle(new FindServiceRequests("k1"));
        assertThat(requests).extracting(ServiceRequestView::requestId).containsExactly("q3", "q2", "q1");
        assertThat(requests.get(0).status()).isEqualTo(ServiceRequestStatus.OPEN);
        assertThat(requests.get(0).answerKey()).isNull();
        assertThat(requests.get(1)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(ServiceRequestStatus.REFUSED);
            assertThat(r.answerKey()).isEqualTo("serviceAnswer.refused");
            assertThat(r.answerArguments()).containsExactly("已享受同类补贴");
        });
        assertThat(requests.get(2)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(ServiceRequestStatus.GRANTED);
            assertThat(r.answerArguments()).containsExactly("人才公寓3-201", "2026-12-01");
            assertThat(r.answeredAt()).isEqualTo(T0.plusSeconds(300));
        });
        assertThat(services.handle(new FindServiceRequests("k2"))).extracting(ServiceRequestView::status)
                .containsExactly(ServiceRequestStatus.OPEN);
        assertThat(services.handle(new FindFollowUpVisits("k1"))).singleElement().satisfies(v -> {
            assertThat(v.problemsRaised()).containsExactly("通勤不便", "子女入学咨询");
            assertThat(v.problemsResolved()).containsExactly("通勤不便");
        });

        var before = Collections.snapshot(mongo.database, RetentionServicesProjection.REQUESTS,
                RetentionServicesProjection.VISITS);
        history.forEach(Runnable::run);
        assertThat(Collections.snapshot(mongo.database, RetentionServicesProjection.REQUESTS,
                RetentionServicesProjection.VISITS)).isEqualTo(before);
    }

    @Test
    void an_allowance_grant_names_the_policy_version_it_was_judged_by() {
        services.on(new RetentionServiceRequested("k1", "c1", "王芳", "q1", ServiceType.ALLOWANCE, null), T0);
        services.on(new AllowanceGranted("k1", "c1", "王芳", "q1", AllowanceType.LIVING, 1200, YearMonth.of(2026, 12),
                YearMonth.of(2028, 11), "p1", "生活补贴办法", 2, 1500), T0.plusSeconds(5));
        assertThat(services.handle(new FindServiceRequests("k1"))).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ServiceRequestStatus.GRANTED);
            assertThat(r.answerArguments()).containsExactly("allowanceType.LIVING", "1200", "2026-12", "2028-11",
                    "生活补贴办法", "2");
        });
    }

    @Test
    void policies_keep_every_version_each_valid_until_the_next_takes_effect() {
        Runnable publish = () -> policies.on(new AllowancePolicyPublished("p1", "县引进人才生活补贴办法",
                1, LocalDate.of(2025, 1, 1), Map.of(AllowanceType.LIVING, 1500, AllowanceType.HOUSING, 800)));
        Runnable revise = () -> policies.on(new AllowancePolicyRevised("p1", "县引进人才生活补贴办法", 2,
                LocalDate.of(2026, 7, 1), Map.of(AllowanceType.LIVING, 1800), "财政预算调整"));
        revise.run(); // delivered out of order: the versions still come oldest first
        publish.run();
        var before = Collections.snapshot(mongo.database, AllowancePoliciesProjection.COLLECTION);
        publish.run();
        revise.run();
        assertThat(Collections.snapshot(mongo.database, AllowancePoliciesProjection.COLLECTION)).isEqualTo(before);

        AllowancePolicyView policy = policies.handle(new FindAllowancePolicies()).getFirst();
        assertThat(policy.name()).isEqualTo("县引进人才生活补贴办法");
        assertThat(policy.versions()).extracting(AllowancePolicyView.Version::version).containsExactly(1, 2);
        assertThat(policy.versions().get(0).validUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(policy.versions().get(0).monthlyCaps()).containsEntry(AllowanceType.HOUSING, 800);
        assertThat(policy.versions().get(1).validUntil()).isNull();
        assertThat(policy.versions().get(1).reason()).isEqualTo("财政预算调整");
        assertThat(policy.versionInForceOn(LocalDate.of(2026, 6, 30))).map(AllowancePolicyView.Version::version)
                .contains(1);
        assertThat(policy.versionInForceOn(LocalDate.of(2024, 12, 31))).isEmpty();
    }

    @Test
    void a_caseload_is_paged_and_cases_without_a_specialist_are_listed_to_take_over() {
        for (int i = 0; i < 5; i++) {
            String id = "k" + i;
            caseload.on(new RetentionCaseOpened(id, "c" + i, "人才" + i, "u1", "县第一中学", "教师", Sector.EDUCATION,
                    "城关镇", START.plusDays(i), START.minusDays(20)));
            if (i < 3) {
                caseload.on(new ServiceSpecialistAssigned(id, "c" + i, "人才" + i, "s1", "陈专员", null, null));
            }
        }
        caseload.on(new ApartmentAllocated("k1", "c1", "人才1", null, "3-201", START));
        assertThat(caseload.handle(new CountCaseload("s1"))).isEqualTo(3);
        assertThat(caseload.handle(new FindCaseloadPage("s1", 1, 2))).extracting(CaseloadEntry::caseId)
                .containsExactly("k1", "k2");
        assertThat(caseload.handle(new FindRetentionCase("k1"))).hasValueSatisfying(k -> {
            assertThat(k.specialistUserId()).isEqualTo("s1");
            assertThat(k.signedOn()).isEqualTo(START.minusDays(20));
            assertThat(k.servicesGranted()).containsExactly(ServiceType.TALENT_APARTMENT);
        });
        assertThat(caseload.handle(new CountUnassignedCases())).isEqualTo(2);
        assertThat(caseload.handle(new FindUnassignedCases(0, 10))).extracting(CaseloadEntry::caseId)
                .containsExactly("k3", "k4");
        assertThat(caseload.handle(new FindCasesOfCandidate("c4"))).extracting(CaseloadEntry::caseId)
                .containsExactly("k4");
        assertThat(caseload.handle(new FindCasesOfCandidate("nobody"))).isEmpty();
        assertThat(caseload.handle(new FindRetentionCase("unknown"))).isEmpty();
    }
}

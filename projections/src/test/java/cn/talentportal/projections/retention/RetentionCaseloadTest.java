package cn.talentportal.projections.retention;

import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.retention.RetentionEvents.AllowanceGranted;
import cn.talentportal.domain.retention.RetentionEvents.ApartmentAllocated;
import cn.talentportal.domain.retention.RetentionEvents.FollowUpVisitRecorded;
import cn.talentportal.domain.retention.RetentionEvents.RetentionCaseOpened;
import cn.talentportal.domain.retention.RetentionEvents.RetentionMilestoneReached;
import cn.talentportal.domain.retention.RetentionEvents.RetentionServiceRefused;
import cn.talentportal.domain.retention.RetentionEvents.RetentionServiceRequested;
import cn.talentportal.domain.retention.RetentionEvents.ServiceSpecialistAssigned;
import cn.talentportal.domain.retention.RetentionEvents.TalentDeparted;
import cn.talentportal.domain.retention.RetentionEvents.VisitProblemResolved;
import cn.talentportal.domain.retention.ServiceType;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.projections.retention.RetentionQueries.FindCaseload;
import cn.talentportal.projections.testing.Collections;
import cn.talentportal.projections.testing.InMemoryMongo;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionCaseloadTest {

    static final LocalDate START = LocalDate.of(2026, 12, 1);

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final RetentionCaseloadProjection projection = new RetentionCaseloadProjection(mongo.database);
    private final List<Runnable> history = new ArrayList<>();

    @AfterEach
    void close() {
        mongo.close();
    }

    private void happen(Runnable event) {
        event.run();
        history.add(event);
    }

    private void open(String caseId, String name) {
        happen(() -> projection.on(new RetentionCaseOpened(caseId, "c-" + caseId, name, "u1", "县第一中学", "初二语文教师",
                Sector.EDUCATION, "城关镇", START, START.minusDays(20))));
        happen(() -> projection.on(new ServiceSpecialistAssigned(caseId, "c-" + caseId, name, "s1", "陈专员", null,
                null)));
    }

    @Test
    void a_specialist_sees_open_requests_and_problems_visits_milestones_and_departures() {
        open("k1", "王芳");
        happen(() -> projection.on(new RetentionServiceRequested("k1", "c-k1", "王芳", "q1", ServiceType.ALLOWANCE,
                "生活补贴")));
        happen(() -> projection.on(new RetentionServiceRequested("k1", "c-k1", "王芳", "q2",
                ServiceType.TALENT_APARTMENT, "人才公寓")));
        happen(() -> projection.on(new RetentionServiceRequested("k1", "c-k1", "王芳", "q3",
                ServiceType.SCHOOL_PLACE, "子女入学")));
        happen(() -> projection.on(new AllowanceGranted("k1", "c-k1", "王芳", "q1", AllowanceType.LIVING, 1200,
                YearMonth.of(2026, 12), YearMonth.of(2028, 11), "p1", "补贴办法", 1, 1500)));
        happen(() -> projection.on(new ApartmentAllocated("k1", "c-k1", "王芳", "q2", "人才公寓3-201", START)));
        happen(() -> projection.on(new FollowUpVisitRecorded("k1", "c-k1", "王芳", "v2", "s1", "陈专员",
                LocalDate.of(2027, 3, 1), "适应良好", List.of("子女入学咨询", "通勤不便"))));
        happen(() -> projection.on(new FollowUpVisitRecorded("k1", "c-k1", "王芳", "v1", "s1", "陈专员",
                LocalDate.of(2027, 1, 10), "刚到岗", List.of()))); // recorded late
        happen(() -> projection.on(new VisitProblemResolved("k1", "c-k1", "王芳", "v2", "通勤不便", "安排班车")));
        happen(() -> projection.on(new RetentionMilestoneReached("k1", "c-k1", "王芳", 1, "县第一中学",
                START.plusYears(1))));
        open("k2", "李明");
        happen(() -> projection.on(new RetentionServiceRequested("k2", "c-k2", "李明", "q9", ServiceType.ALLOWANCE,
                "住房补贴")));
        happen(() -> projection.on(new RetentionServiceRefused("k2", "c-k2", "李明", "q9", ServiceType.ALLOWANCE,
                "不符合条件")));
        happen(() -> projection.on(new TalentDeparted("k2", "c-k2", "李明", "县第一中学", LocalDate.of(2027, 6, 30),
                "考取外地编制", 0)));

        List<CaseloadEntry> caseload = projection.handle(new FindCaseload("s1"));
        assertThat(caseload).extracting(CaseloadEntry::caseId).containsExactly("k1", "k2");
        assertThat(caseload.get(0)).satisfies(k -> {
            assertThat(k.openRequests()).containsExactly(new CaseloadEntry.OpenRequest("q3", ServiceType.SCHOOL_PLACE));
            assertThat(k.openProblems()).containsExactly("子女入学咨询");
            assertThat(k.lastVisitOn()).isEqualTo(LocalDate.of(2027, 3, 1));
            assertThat(k.nextVisitDue()).isEqualTo(LocalDate.of(2027, 6, 1));
            assertThat(k.milestonesReached()).containsExactly(1);
            assertThat(k.nextMilestoneYears()).isEqualTo(3);
            assertThat(k.nextMilestoneDue()).isEqualTo(START.plusYears(3));
            assertThat(k.apartment()).isEqualTo("人才公寓3-201");
            assertThat(k.departed()).isFalse();
        });
        assertThat(caseload.get(1)).satisfies(k -> {
            assertThat(k.openRequests()).isEmpty();
            assertThat(k.departed()).isTrue();
            assertThat(k.departureReason()).isEqualTo("考取外地编制");
            assertThat(k.nextVisitDue()).isNull();
            assertThat(k.nextMilestoneYears()).isNull();
        });
        assertThat(projection.handle(new FindCaseload("someone-else"))).isEmpty();

        // a new specialist takes the case over
        projection.on(new ServiceSpecialistAssigned("k1", "c-k1", "王芳", "s2", "刘专员", "s1", "陈专员"));
        assertThat(projection.handle(new FindCaseload("s2"))).extracting(CaseloadEntry::caseId).containsExactly("k1");
        projection.on(new ServiceSpecialistAssigned("k1", "c-k1", "王芳", "s1", "陈专员", "s2", "刘专员"));

        var before = Collections.snapshot(mongo.database, RetentionCaseloadProjection.COLLECTION);
        history.forEach(Runnable::run);
        assertThat(Collections.snapshot(mongo.database, RetentionCaseloadProjection.COLLECTION)).isEqualTo(before);
    }
}

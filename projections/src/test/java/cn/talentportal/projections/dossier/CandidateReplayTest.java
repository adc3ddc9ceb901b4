package cn.talentportal.projections.dossier;

import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedIn;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.domain.candidate.CandidateEvents.CandidatePlaced;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateEvents.ContractSigned;
import cn.talentportal.domain.candidate.CandidateEvents.OfferAccepted;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExtended;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.OfferTerms;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.drive.DriveEvents.CandidateRegisteredForDrive;
import cn.talentportal.domain.drive.DriveEvents.DriveAttended;
import cn.talentportal.domain.drive.DriveEvents.DriveHeld;
import cn.talentportal.domain.drive.DriveEvents.DrivePlanned;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.interview.CalendarEvents.InterviewSlotBooked;
import cn.talentportal.domain.interview.Criterion;
import cn.talentportal.domain.interview.InterviewEvents.InterviewHeld;
import cn.talentportal.domain.interview.InterviewEvents.InterviewOutcomeDecided;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.domain.interview.InterviewEvents.ScorecardSubmitted;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.InterviewStatus;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningEvents.OpeningDrafted;
import cn.talentportal.domain.opening.OpeningEvents.OpeningFilled;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.OpeningEvents.OpeningSeatTaken;
import cn.talentportal.domain.opening.OpeningStatus;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.retention.AllowancePolicyEvents.AllowancePolicyPublished;
import cn.talentportal.domain.retention.AllowancePolicyEvents.AllowancePolicyRevised;
import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.retention.RetentionEvents.AllowanceGranted;
import cn.talentportal.domain.retention.RetentionEvents.FollowUpVisitRecorded;
import cn.talentportal.domain.retention.RetentionEvents.RetentionCaseOpened;
import cn.talentportal.domain.retention.RetentionEvents.RetentionServiceRequested;
import cn.talentportal.domain.retention.RetentionEvents.VisitProblemResolved;
import cn.talentportal.domain.retention.ServiceType;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.projections.application.ApplicationStatus;
import cn.talentportal.projections.application.CandidateStage;
import cn.talentportal.projections.dossier.DossierDiff.Change;
import cn.talentportal.projections.dossier.DossierDiff.Kind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The as-of replay on hand-built streams: a graduate registered at a campus drive, signed up for an online fair,
 * applied, interviewed, offered, signed, placed and granted an allowance; one minute apart, event by event.
 */
class CandidateReplayTest {

    static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");
    static final LocalDate SIGNED_ON = LocalDate.of(2026, 11, 20);
    static final List<Criterion> CRITERIA = List.of(new Criterion("subject", "学科知识", 6, 10),
            new Criterion("teaching", "试讲表现", 4, 10));
    static final InterviewSlot SLOT = new InterviewSlot(at(8), at(8).plus(Duration.ofMinutes(45)));
    static final OpeningDetails DETAILS = new OpeningDetails("初中语文教师", "教学", Sector.EDUCATION, "城关镇",
            Education.BACHELOR, null, 5000, 6500, 1, Set.of(TalentCategory.GRADUATE), LocalDate.of(2027, 1, 31));

    private final Map<String, List<ReplayedEvent>> store = new HashMap<>();
    private LinkedStreams index = new LinkedStreams(Set.of("i1"), Set.of("d1", "d2"), Set.of("retention:a1"),
            Set.of());

    static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    private void stored(String aggregateId, int minute, Object payload) {
        List<ReplayedEvent> stream = store.computeIfAbsent(aggregateId, id -> new ArrayList<>());
        stream.add(new ReplayedEvent(aggregateId, stream.size(), at(minute), payload));
    }

    private CandidateDossier asOf(Instant instant) {
        return CandidateReplay.asOf("c1", instant, index, id -> store.getOrDefault(id, List.of()));
    }

    /** Half a minute after {@code minute}: after the events of that minute, before the next. */
    private CandidateDossier after(int minute) {
        return asOf(at(minute).plusSeconds(30));
    }

    private void journey() {
        stored("p1", 0, new AllowancePolicyPublished("p1", "县引进人才生活补贴办法", 1, LocalDate.of(2025, 1, 1),
                Map.of(AllowanceType.LIVING, 1500)));
        stored("d1", 0, new DrivePlanned("d1", DriveKind.CAMPUS_RECRUITMENT, "西南大学校园招聘会", "西南大学", "就业中心",
                at(2), at(3), "县人才办"));
        stored("d2", 0, new DrivePlanned("d2", DriveKind.ONLINE_JOB_FAIR, "春季网络招聘会", null, "https://fair",
                at(30), at(40), "县人才办"));
        stored("o1", 0, new OpeningDrafted("o1", "e1", "县第一中学", DETAILS));
        stored("o1", 0, new OpeningPublished("o1", "e1", "县第一中学", DETAILS));
        stored("c1", 1, new CandidateRegistered("c1", "王芳", new PhoneNumber("13912345678"),
                new EmailAddress("wang@example.cn"), null,
                new CandidateProfile(Education.BACHELOR, "西南大学", "汉语言文学", 2026, "城关镇", "重庆", null),
                new RegistrationChannel(CandidateSource.CAMPUS_DRIVE, "d1", "西南大学校园招聘会"),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        stored("d1", 1, new CandidateRegisteredForDrive("d1", "西南大学校园招聘会", DriveKind.CAMPUS_RECRUITMENT, "c1",
                "王芳"));
        stored("d1", 2, new DriveAttended("d1", "西南大学校园招聘会", "c1", "王芳"));
        stored("d1", 3, new DriveHeld("d1", "西南大学校园招聘会", 120, 80, "圆满"));
        stored("d2", 4, new CandidateRegisteredForDrive("d2", "春季网络招聘会", DriveKind.ONLINE_JOB_FAIR, "c1", "王芳"));
        stored("c1", 5, new ApplicationSubmitted("c1", "a1", "王芳", "o1", "初中语文教师", "e1", "县第一中学"));
        stored("c1", 6, new ApplicationScreenedIn("c1", "王芳", "a1", "o1", "初中语文教师", "e1", "县第一中学", "专业对口"));
        stored("calendar:c1", 7, new InterviewSlotBooked("c1", "王芳", "i1", "c1", SLOT));
        stored("i1", 7, new InterviewScheduled("i1", "a1", "c1", "王芳", "o1", "初中语文教师",
                List.of(new PanelMember("u1", "周校长"), new PanelMember("u2", "吴主任")), SLOT, "r1", "教师面试评分表", 2,
                CRITERIA));
        stored("i1", 8, new InterviewHeld("i1", "c1", SLOT.start(), SLOT.end()));
        stored("i1", 9, new ScorecardSubmitted("i1", "c1", "a1", "u1", "周校长", "r1", 2,
                Map.of("subject", 8, "teaching", 9), new BigDecimal("84.00"), "表达清晰"));
        stored("i1", 9, new ScorecardSubmitted("i1", "c1", "a1", "u2", "吴主任", "r1", 2,
                Map.of("subject", 9, "teaching", 9), new BigDecimal("90.00"), null));
        stored("i1", 10, new InterviewOutcomeDecided("i1", "c1", "a1", InterviewOutcome.RECOMMENDED,
                new BigDecimal("87.00"), List.of(), "一致推荐"));
        stored("c1", 11, new OfferExtended("c1", "王芳", "a1", "o1", "初中语文教师", "县第一中学", "i1",
                new OfferTerms("初中语文教师", 5800, LocalDate.of(2026, 12, 20), LocalDate.of(2026, 11, 27)), "一致推荐"));
        stored("c1", 11, new OfferAccepted("c1", "王芳", "a1", "o1", "初中语文教师", "县第一中学", "初中语文教师"));
        stored("c1", 12, new ContractSigned("c1", "王芳", "a1", "o1", "初中语文教师", "e1", "县第一中学",
                Sector.EDUCATION, "城关镇", "初中语文教师", 5800, SIGNED_ON, 3));
        stored("o1", 12, new OpeningSeatTaken("o1", "初中语文教师", "a1", "c1", "王芳", 1, 1));
        stored("o1", 12, new OpeningFilled("o1", "初中语文教师", 1));
        stored("c1", 13, new CandidatePlaced("c1", "王芳", "a1", "o1", "初中语文教师", "e1", "县第一中学",
                Sector.EDUCATION, "城关镇", "初二语文教师", LocalDate.of(2026, 12, 20), SIGNED_ON));
        stored("retention:a1", 13, new RetentionCaseOpened("retention:a1", "c1", "王芳", "e1", "县第一中学", "初二语文教师",
                Sector.EDUCATION, "城关镇", LocalDate.of(2026, 12, 20), SIGNED_ON));
        stored("retention:a1", 14, new RetentionServiceRequested("retention:a1", "c1", "王芳", "q1",
                ServiceType.ALLOWANCE, "申请生活补贴"));
        stored("retention:a1", 15, new AllowanceGranted("retention:a1", "c1", "王芳", "q1", AllowanceType.LIVING, 1200,
                YearMonth.of(2026, 12), YearMonth.of(2028, 11), "p1", "县引进人才生活补贴办法", 1, 1500));
        stored("retention:a1", 16, new FollowUpVisitRecorded("retention:a1", "c1", "王芳", "v1", "u9", "陈专员",
                LocalDate.of(2027, 2, 1), "适应良好", List.of("子女入学咨询")));
        stored("retention:a1", 17, new VisitProblemResolved("retention:a1", "c1", "王芳", "v1", "子女入学咨询",
                "已联系教育局"));
    }

    @Test
    void before_registration_there_is_nothing_to_show() {
        journey();
        CandidateDossier dossier = asOf(at(1).minusMillis(1));
        assertThat(dossier.registered()).isFalse();
        assertThat(dossier.events()).isEmpty();
    }

    @Test
    void screened_in_before_the_interview() {
        journey();
        CandidateDossier dossier = after(6);
        assertThat(dossier.value("profile/fullName")).isEqualTo("王芳");
        assertThat(dossier.value("profile/phone")).isEqualTo(new PhoneNumber("13912345678"));
        assertThat(dossier.value("profile/source")).isEqualTo(CandidateSource.CAMPUS_DRIVE);
        assertThat(dossier.value("applications/a1/status")).isEqualTo(ApplicationStatus.SCREENED_IN);
        assertThat(dossier.value("applications/a1/stage")).isEqualTo(CandidateStage.IN_REVIEW);
        assertThat(dossier.value("applications/a1/screeningReason")).isEqualTo("专业对口");
        assertThat(dossier.value("openings/o1/status")).isEqualTo(OpeningStatus.PUBLISHED);
        assertThat(dossier.value("openings/o1/seatsTaken")).isEqualTo(0);
        assertThat(dossier.section("interviews/i1")).isEmpty();
        assertThat(dossier.value("drives/d1/attendedAt")).isEqualTo(at(2));
        assertThat(dossier.value("drives/d2/registeredAt")).as("signed up through the index").isEqualTo(at(4));
        assertThat(dossier.sections()).extracting(DossierSection::key).containsExactly("profile", "drives/d1",
                "drives/d2", "applications/a1", "openings/o1");
        assertThat(dossier.events()).allSatisfy(e -> assertThat(e.timestamp()).isBeforeOrEqualTo(at(6)));
        assertThat(dossier.events()).extracting(DossierEvent::eventType).contains("CandidateRegistered",
                "DrivePlanned", "OpeningPublished", "ApplicationScreenedIn").doesNotContain("InterviewScheduled");
    }

    @Test
    void a_drive_signed_up_for_is_shown_only_from_the_sign_up_on() {
        journey();
        assertThat(asOf(at(4).minusMillis(1)).section("drives/d2")).isEmpty();
        assertThat(after(4).section("drives/d2")).isPresent();
    }

    @Test
    void interviews_are_found_through_the_candidates_calendar_without_the_index() {
        journey();
        index = LinkedStreams.none();
        CandidateDossier dossier = after(10);
        assertThat(dossier.value("interviews/i1/status")).isEqualTo(InterviewStatus.DECIDED);
        assertThat(dossier.value("retention:a1")).isNull();
        assertThat(dossier.section("drives/d2")).as("named only by the drive's stream and the index").isEmpty();
    }

    @Test
    void recommended_by_the_panel_with_scorecards_against_the_rubric_version() {
        journey();
        CandidateDossier dossier = after(10);
        assertThat(dossier.value("applications/a1/status")).isEqualTo(ApplicationStatus.INTERVIEW_RECOMMENDED);
        assertThat(dossier.value("applications/a1/stage")).isEqualTo(CandidateStage.INTERVIEW);
        assertThat(dossier.value("interviews/i1/rubricVersion")).isEqualTo(2);
        assertThat(dossier.value("interviews/i1/scorecards/u1/rubricVersion")).isEqualTo(2);
        assertThat(dossier.value("interviews/i1/scorecards/u1/scores")).isEqualTo("学科知识 8/10, 试讲表现 9/10");
        assertThat(dossier.value("interviews/i1/scorecards/u2/weightedScore")).isEqualTo(new BigDecimal("90.00"));
        assertThat(dossier.value("interviews/i1/outcome")).isEqualTo(InterviewOutcome.RECOMMENDED);
        assertThat(dossier.value("interviews/i1/panel")).isEqualTo("周校长、吴主任");
    }

    @Test
    void placed_with_a_retention_case_and_an_allowance_that_met_the_policy_in_force_at_signing() {
        journey();
        CandidateDossier dossier = after(17);
        assertThat(dossier.value("applications/a1/status")).isEqualTo(ApplicationStatus.PLACED);
        assertThat(dossier.value("applications/a1/offer/monthlySalary")).isEqualTo(5800);
        assertThat(dossier.value("openings/o1/status")).isEqualTo(OpeningStatus.FILLED);
        assertThat(dossier.value("retention/retention:a1/requests/q1/state")).isEqualTo(RequestState.GRANTED);
        String grant = "retention/retention:a1/allowances/LIVING-2026-12/";
        assertThat(dossier.value(grant + "versionInForce")).isEqualTo(1);
        assertThat(dossier.value(grant + "capInForce")).isEqualTo(1500);
        assertThat(dossier.value(grant + "policyVerdict")).isEqualTo(PolicyVerdict.MET);
        assertThat(dossier.value("retention/retention:a1/visits/v1/problems/1/resolution")).isEqualTo("已联系教育局");
        assertThat(dossier.policyChecks()).singleElement().satisfies(check -> {
            assertThat(check.met()).isTrue();
            assertThat(check.signedOn()).isEqualTo(SIGNED_ON);
            assertThat(check.decidedAt()).isEqualTo(at(15));
        });
        assertThat(dossier.sections()).extracting(DossierSection::key).containsExactly("profile", "drives/d1",
                "drives/d2", "applications/a1", "openings/o1", "interviews/i1", "retention/retention:a1");
    }

    @Test
    void a_grant_is_judged_by_the_policy_versions_known_when_it_was_decided() {
        journey();
        // a revision published after the first grant, in force from before the signing: later grants fall under it
        stored("p1", 18, new AllowancePolicyRevised("p1", "县引进人才生活补贴办法", 2, LocalDate.of(2026, 6, 1),
                Map.of(AllowanceType.LIVING, 1000, AllowanceType.HOUSING, 800), "财政调整"));
        stored("retention:a1", 19, new AllowanceGranted("retention:a1", "c1", "王芳", null, AllowanceType.LIVING, 900,
                YearMonth.of(2028, 12), YearMonth.of(2029, 11), "p1", "县引进人才生活补贴办法", 1, 1500));
        stored("retention:a1", 20, new AllowanceGranted("retention:a1", "c1", "王芳", null, AllowanceType.HOUSING, 900,
                YearMonth.of(2026, 12), YearMonth.of(2027, 11), "p1", "县引进人才生活补贴办法", 2, 800));
        CandidateDossier dossier = after(20);
        assertThat(dossier.policyChecks()).extracting(PolicyCheck::verdict).containsExactly(PolicyVerdict.MET,
                PolicyVerdict.OTHER_VERSION_RECORDED, PolicyVerdict.ABOVE_CAP);
        assertThat(dossier.value("retention/retention:a1/allowances/HOUSING-2026-12/versionInForce")).isEqualTo(2);
        assertThat(dossier.value("retention/retention:a1/allowances/HOUSING-2026-12/capInForce")).isEqualTo(800);
    }

    @Test
    void the_same_instant_replays_to_the_same_dossier_however_much_happened_since() {
        journey();
        CandidateDossier early = after(6);
        stored("c1", 30, new OfferAccepted("c1", "王芳", "a1", "o1", "初中语文教师", "县第一中学", "初中语文教师"));
        assertThat(after(6)).isEqualTo(early);
    }

    @Test
    void the_diff_shows_the_interview_the_offer_and_the_placement_in_section_order() {
        journey();
        DossierDiff diff = DossierDiff.between(after(6), after(17));
        assertThat(diff.changed()).extracting(Change::path).contains("applications/a1/status",
                "applications/a1/stage", "openings/o1/status", "openings/o1/seatsTaken");
        assertThat(diff.changed()).filteredOn(c -> c.path().equals("applications/a1/status")).singleElement()
                .satisfies(c -> {
                    assertThat(c.before()).isEqualTo(ApplicationStatus.SCREENED_IN);
                    assertThat(c.after()).isEqualTo(ApplicationStatus.PLACED);
                    assertThat(c.labelKey()).isEqualTo("dossier.applicationStatus");
                });
        assertThat(diff.added()).extracting(Change::path).contains("interviews/i1/outcome",
                "applications/a1/offer/post", "applications/a1/placement/startDate",
                "retention/retention:a1/allowances/LIVING-2026-12/policyVerdict");
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changes()).extracting(Change::sectionKey).containsSubsequence("applications/a1",
                "openings/o1", "interviews/i1", "retention/retention:a1");
        assertThat(DossierDiff.between(after(17), after(6)).removed()).hasSameSizeAs(diff.added());
        assertThat(DossierDiff.between(after(17), after(17)).isEmpty()).isTrue();
    }

    @Test
    void what_disappeared_is_shown_where_it_stood() {
        assertThat(DossierDiff.inOrder(List.of("a", "b", "c", "d"), List.of("a", "c", "e")))
                .containsExactly("a", "b", "c", "d", "e");
        assertThat(DossierDiff.inOrder(List.of("x", "a"), List.of("a"))).containsExactly("x", "a");
    }

    @Test
    void diff_of_lines_matches_by_path_and_compares_scores_by_value() {
        CandidateDossier before = dossier(new DossierLine("s/score", "field.weightedScore", new BigDecimal("85.5")),
                new DossierLine("s/gone", "field.comment", "旧"));
        CandidateDossier after = dossier(new DossierLine("s/score", "field.weightedScore", new BigDecimal("85.50")),
                new DossierLine("s/new", "field.comment", "新"));
        assertThat(DossierDiff.between(before, after).changes()).extracting(Change::kind, Change::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.REMOVED, "s/gone"),
                        org.assertj.core.groups.Tuple.tuple(Kind.ADDED, "s/new"));
    }

    private static CandidateDossier dossier(DossierLine... lines) {
        return new CandidateDossier("c1", T0, List.of(new DossierSection("s", "dossier.section.profile", null,
                List.of(lines))), List.of(), List.of());
    }
}

package cn.talentportal.domain.opening;

import cn.talentportal.domain.opening.OpeningCommands.CloseOpening;
import cn.talentportal.domain.opening.Opening.OpeningTerms;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.EditOpening;
import cn.talentportal.domain.opening.OpeningCommands.PauseOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningCommands.ResumeOpening;
import cn.talentportal.domain.opening.OpeningEvents.OpeningClosed;
import cn.talentportal.domain.opening.OpeningEvents.OpeningDrafted;
import cn.talentportal.domain.opening.OpeningEvents.OpeningEdited;
import cn.talentportal.domain.opening.OpeningEvents.OpeningFilled;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPaused;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.OpeningEvents.OpeningResumed;
import cn.talentportal.domain.opening.OpeningEvents.OpeningSeatTaken;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.startsWith;

class OpeningTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final OpeningDetails NURSE = nurses(3, TODAY.plusMonths(1));
    static final OpeningDetails TITLE_ONLY = new OpeningDetails("护士", null, null, null, null, null, null, null, 0,
            null, null);

    private AggregateTestFixture<Opening> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Opening.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(SHANGHAI).toInstant(), SHANGHAI));
    }

    @Test
    void a_recruiter_drafts_an_opening() {
        fixture.givenNoPriorActivity()
                .when(new DraftOpening("o1", "u1", "县人民医院", NURSE))
                .expectEvents(new OpeningDrafted("o1", "u1", "县人民医院", NURSE));
    }

    @Test
    void a_complete_draft_is_published_with_its_full_content() {
        fixture.given(new OpeningDrafted("o1", "u1", "县人民医院", NURSE))
                .when(new PublishOpening("o1"))
                .expectEvents(new OpeningPublished("o1", "u1", "县人民医院", NURSE));
    }

    @Test
    void an_opening_without_its_required_fields_cannot_be_published() {
        fixture.given(new OpeningDrafted("o1", "u1", "县人民医院", TITLE_ONLY))
                .when(new PublishOpening("o1"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(
                        "opening.publish.missingFields [opening.description,opening.sector,opening.county,"
                                + "opening.education,opening.headcount,opening.deadline]")
                .expectNoEvents();
    }

    @Test
    void a_closed_opening_cannot_be_published_again() {
        fixture.given(new OpeningDrafted("o1", "u1", "县人民医院", NURSE),
                        new OpeningPublished("o1", "u1", "县人民医院", NURSE),
                        new OpeningClosed("o1", "急需护士", "岗位已撤销"))
                .when(new PublishOpening("o1"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void closing_needs_a_reason() {
        fixture.given(new OpeningDrafted("o1", "u1", "县人民医院", NURSE))
                .when(new CloseOpening("o1", "  "))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_published_opening_is_closed_with_its_reason() {
        fixture.given(new OpeningDrafted("o1", "u1", "县人民医院", NURSE),
                        new OpeningPublished("o1", "u1", "县人民医院", NURSE))
                .when(new CloseOpening("o1", "已招满"))
                .expectEvents(new OpeningClosed("o1", "急需护士", "已招满"));
    }

    @Test
    void a_salary_range_must_be_ordered() {
        assertThatThrownBy(() -> new OpeningDetails("护士", null, null, null, null, null, 8000, 5000, 1, null, null))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).messageKey())
                .isEqualTo("opening.salary.minAboveMax");
        assertThat(NURSE.missingForPublication()).isEmpty();
    }

    static OpeningDetails nurses(int headcount, LocalDate deadline) {
        return new OpeningDetails("急需护士", "负责住院部护理工作", Sector.HEALTH, "城关镇", Education.JUNIOR_COLLEGE,
                "护理学", 4500, 6500, headcount, Set.of(TalentCategory.URGENTLY_NEEDED), deadline);
    }

    static final OpeningDrafted DRAFTED = new OpeningDrafted("o1", "u1", "县人民医院", NURSE);
    static final OpeningPublished PUBLISHED = new OpeningPublished("o1", "u1", "县人民医院", NURSE);
    static final OpeningPaused PAUSED = new OpeningPaused("o1", "急需护士", "等待编制审批");
    static final OpeningClosed CLOSED = new OpeningClosed("o1", "急需护士", "岗位已撤销");
    static final OpeningFilled FILLED = new OpeningFilled("o1", "急需护士", 3);

    static OpeningSeatTaken seatTaken(int seat) {
        return new OpeningSeatTaken("o1", "急需护士", "a" + seat, "c" + seat, "候选人" + seat, seat, 3);
    }

    // editing

    @Test
    void a_draft_is_edited_and_may_stay_incomplete() {
        fixture.given(DRAFTED)
                .when(new EditOpening("o1", TITLE_ONLY))
                .expectEvents(new OpeningEdited("o1", "u1", "县人民医院", TITLE_ONLY));
    }

    @Test
    void a_published_opening_is_edited_with_its_full_content_and_employer() {
        OpeningDetails moreNurses = nurses(5, TODAY.plusMonths(2));
        fixture.given(DRAFTED, PUBLISHED)
                .when(new EditOpening("o1", moreNurses))
                .expectEvents(new OpeningEdited("o1", "u1", "县人民医院", moreNurses));
    }

    @Test
    void editing_needs_the_details() {
        fixture.given(DRAFTED)
                .when(new EditOpening("o1", null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [opening.details]")
                .expectNoEvents();
    }

    @Test
    void a_published_opening_stays_complete_when_edited() {
        fixture.given(DRAFTED, PUBLISHED)
                .when(new EditOpening("o1", TITLE_ONLY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("opening.edit.missingFields"))
                .expectNoEvents();
    }

    @Test
    void a_paused_opening_stays_complete_when_edited() {
        fixture.given(DRAFTED, PUBLISHED, PAUSED)
                .when(new EditOpening("o1", TITLE_ONLY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("opening.edit.missingFields"))
                .expectNoEvents();
    }

    @Test
    void a_closed_opening_cannot_be_edited() {
        fixture.given(DRAFTED, PUBLISHED, CLOSED)
                .when(new EditOpening("o1", NURSE))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("opening.edit.closed"))
                .expectNoEvents();
    }

    @Test
    void a_filled_opening_cannot_be_edited() {
        fixture.given(DRAFTED, PUBLISHED, seatTaken(1), seatTaken(2), seatTaken(3), FILLED)
                .when(new EditOpening("o1", nurses(4, TODAY.plusMonths(1))))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("opening.edit.filled"))
                .expectNoEvents();
    }

    @Test
    void the_headcount_cannot_drop_below_the_seats_already_taken() {
        fixture.given(DRAFTED, PUBLISHED, seatTaken(1), seatTaken(2))
                .when(new EditOpening("o1", nurses(1, TODAY.plusMonths(1))))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("opening.edit.headcountBelowSeatsTaken"))
                .expectNoEvents();
    }

    @Test
    void a_headcount_lowered_to_the_seats_taken_fills_the_opening() {
        OpeningDetails twoNurses = nurses(2, TODAY.plusMonths(1));
        fixture.given(DRAFTED, PUBLISHED, seatTaken(1), seatTaken(2))
                .when(new EditOpening("o1", twoNurses))
                .expectEvents(new OpeningEdited("o1", "u1", "县人民医院", twoNurses),
                        new OpeningFilled("o1", "急需护士", 2));
    }

    // pausing and resuming

    @Test
    void a_published_opening_is_paused_with_its_reason() {
        fixture.given(DRAFTED, PUBLISHED)
                .when(new PauseOpening("o1", "等待编制审批"))
                .expectEvents(PAUSED);
    }

    @Test
    void pausing_needs_a_reason() {
        fixture.given(DRAFTED, PUBLISHED)
                .when(new PauseOpening("o1", ""))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [opening.pauseReason]")
                .expectNoEvents();
    }

    @Test
    void only_a_published_opening_is_paused() {
        fixture.given(DRAFTED)
                .when(new PauseOpening("o1", "等待编制审批"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("opening.pause.notPublished"))
                .expectNoEvents();
        fixture.given(DRAFTED, PUBLISHED, PAUSED)
                .when(new PauseOpening("o1", "等待编制审批"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("opening.pause.notPublished"))
                .expectNoEvents();
    }

    @Test
    void a_paused_opening_is_resumed_with_its_full_content() {
        fixture.given(DRAFTED, PUBLISHED, PAUSED)
                .when(new ResumeOpening("o1"))
                .expectEvents(new OpeningResumed("o1", "u1", "县人民医院", NURSE));
    }

    @Test
    void only_a_paused_opening_is_resumed() {
        fixture.given(DRAFTED, PUBLISHED)
                .when(new ResumeOpening("o1"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("opening.resume.notPaused"))
                .expectNoEvents();
    }

    @Test
    void a_paused_opening_past_its_deadline_is_not_resumed() {
        OpeningDetails deadlineYesterday = nurses(3, TODAY.minusDays(1));
        fixture.given(new OpeningDrafted("o1", "u1", "县人民医院", deadlineYesterday),
                        new OpeningPublished("o1", "u1", "县人民医院", deadlineYesterday), PAUSED)
                .when(new ResumeOpening("o1"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("opening.resume.pastDeadline"))
                .expectNoEvents();
    }

    @Test
    void a_paused_opening_whose_deadline_was_extended_is_resumed_with_the_new_content() {
        OpeningDetails deadlineYesterday = nurses(3, TODAY.minusDays(1));
        OpeningDetails extended = nurses(3, TODAY);
        fixture.given(new OpeningDrafted("o1", "u1", "县人民医院", deadlineYesterday),
                        new OpeningPublished("o1", "u1", "县人民医院", deadlineYesterday), PAUSED,
                        new OpeningEdited("o1", "u1", "县人民医院", extended))
                .when(new ResumeOpening("o1"))
                .expectEvents(new OpeningResumed("o1", "u1", "县人民医院", extended));
    }

    // publishing and closing in every status

    @Test
    void a_paused_opening_is_resumed_not_published_again() {
        fixture.given(DRAFTED, PUBLISHED, PAUSED)
                .when(new PublishOpening("o1"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("opening.publish.paused"))
                .expectNoEvents();
    }

    @Test
    void a_filled_opening_is_not_published_again() {
        fixture.given(DRAFTED, PUBLISHED, seatTaken(1), seatTaken(2), seatTaken(3), FILLED)
                .when(new PublishOpening("o1"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("opening.publish.filled"))
                .expectNoEvents();
    }

    @Test
    void a_published_opening_is_not_published_twice() {
        fixture.given(DRAFTED, PUBLISHED)
                .when(new PublishOpening("o1"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("opening.publish.alreadyPublished"))
                .expectNoEvents();
    }

    @Test
    void a_draft_a_paused_and_a_filled_opening_may_be_closed() {
        fixture.given(DRAFTED)
                .when(new CloseOpening("o1", "岗位已撤销"))
                .expectEvents(CLOSED);
        fixture.given(DRAFTED, PUBLISHED, PAUSED)
                .when(new CloseOpening("o1", "岗位已撤销"))
                .expectEvents(CLOSED);
        fixture.given(DRAFTED, PUBLISHED, seatTaken(1), seatTaken(2), seatTaken(3), FILLED)
                .when(new CloseOpening("o1", "岗位已撤销"))
                .expectEvents(CLOSED);
    }

    @Test
    void a_closed_opening_is_not_closed_twice() {
        fixture.given(DRAFTED, CLOSED)
                .when(new CloseOpening("o1", "岗位已撤销"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith("opening.close.alreadyClosed"))
                .expectNoEvents();
    }

    // what other aggregates ask of an opening (decision 0007)

    @Test
    void a_published_opening_accepts_applications_until_its_deadline() {
        OpeningTerms terms = replayed(DRAFTED, PUBLISHED).acceptApplicationOn(NURSE.applicationDeadline());
        assertThat(terms).isEqualTo(new OpeningTerms("o1", "急需护士", "u1", "县人民医院", Sector.HEALTH, "城关镇"));
        assertRefused(() -> replayed(DRAFTED, PUBLISHED).acceptApplicationOn(NURSE.applicationDeadline().plusDays(1)),
                "application.opening.pastDeadline");
    }

    @Test
    void a_paused_opening_accepts_no_applications() {
        assertRefused(() -> replayed(DRAFTED, PUBLISHED, PAUSED).acceptApplicationOn(TODAY),
                "application.opening.paused");
    }

    @Test
    void a_draft_a_filled_and_a_closed_opening_accept_no_applications() {
        assertRefused(() -> replayed(DRAFTED).acceptApplicationOn(TODAY), "application.opening.notPublished");
        assertRefused(() -> replayed(DRAFTED, PUBLISHED, seatTaken(1), seatTaken(2), seatTaken(3), FILLED)
                .acceptApplicationOn(TODAY), "application.opening.filled");
        assertRefused(() -> replayed(DRAFTED, PUBLISHED, CLOSED).acceptApplicationOn(TODAY),
                "application.opening.closed");
    }

    @Test
    void a_published_paused_or_filled_opening_may_be_featured_at_a_drive() {
        assertThat(replayed(DRAFTED, PUBLISHED).describeForFeaturing().title()).isEqualTo("急需护士");
        assertThat(replayed(DRAFTED, PUBLISHED, PAUSED).describeForFeaturing().employerName()).isEqualTo("县人民医院");
        assertThat(replayed(DRAFTED, PUBLISHED, seatTaken(1), seatTaken(2), seatTaken(3), FILLED)
                .describeForFeaturing().openingId()).isEqualTo("o1");
    }

    @Test
    void a_draft_or_closed_opening_is_not_featured_at_a_drive() {
        assertRefused(() -> replayed(DRAFTED).describeForFeaturing(), "drive.feature.openingNotPublished");
        assertRefused(() -> replayed(DRAFTED, PUBLISHED, CLOSED).describeForFeaturing(),
                "drive.feature.openingClosed");
    }

    /** The opening as Axon rebuilds it from its events, to ask it what another aggregate would ask. */
    private static Opening replayed(Object... events) {
        Opening opening = new Opening();
        for (Object event : events) {
            switch (event) {
                case OpeningDrafted e -> opening.on(e);
                case OpeningPublished e -> opening.on(e);
                case OpeningEdited e -> opening.on(e);
                case OpeningPaused e -> opening.on(e);
                case OpeningResumed e -> opening.on(e);
                case OpeningSeatTaken e -> opening.on(e);
                case OpeningFilled e -> opening.on(e);
                case OpeningClosed e -> opening.on(e);
                default -> throw new IllegalArgumentException("not an opening event: " + event);
            }
        }
        return opening;
    }

    private static void assertRefused(Runnable question, String messageKey) {
        assertThatThrownBy(question::run)
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).messageKey())
                .isEqualTo(messageKey);
    }
}

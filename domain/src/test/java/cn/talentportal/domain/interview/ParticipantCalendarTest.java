package cn.talentportal.domain.interview;

import cn.talentportal.domain.interview.CalendarEvents.InterviewSlotBooked;
import cn.talentportal.domain.interview.CalendarEvents.InterviewSlotReleased;
import cn.talentportal.domain.shared.DomainRuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParticipantCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final InterviewSlot TEN_TO_ELEVEN = slot("2026-11-23T10:00", "2026-11-23T11:00");

    private final AggregateTestFixture<ParticipantCalendar> fixture =
            new AggregateTestFixture<>(ParticipantCalendar.class);

    static InterviewSlot slot(String start, String end) {
        return new InterviewSlot(LocalDateTime.parse(start).atZone(SHANGHAI).toInstant(),
                LocalDateTime.parse(end).atZone(SHANGHAI).toInstant());
    }

    @Test
    void the_first_booking_opens_a_participants_calendar() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> {
                    ParticipantCalendar calendar = new ParticipantCalendar();
                    calendar.book(TEN_TO_ELEVEN, "i1", "c1", "u1", "张老师");
                    return calendar;
                })
                .expectEvents(new InterviewSlotBooked("u1", "张老师", "i1", "c1", TEN_TO_ELEVEN));
        assertThat(ParticipantCalendar.calendarIdOf("u1")).isEqualTo("calendar:u1");
    }

    @Test
    void a_participant_cannot_be_double_booked() {
        fixture.given(new InterviewSlotBooked("u1", "张老师", "i1", "c1", TEN_TO_ELEVEN))
                .whenInvoking("calendar:u1", calendar -> calendar.book(
                        slot("2026-11-23T10:30", "2026-11-23T11:30"), "i2", "c2", "u1", "张老师"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("interview.participant.doubleBooked [张老师, 2026-11-23 10:00–11:00]")
                .expectNoEvents();
    }

    @Test
    void back_to_back_slots_do_not_clash() {
        InterviewSlot elevenToNoon = slot("2026-11-23T11:00", "2026-11-23T12:00");
        fixture.given(new InterviewSlotBooked("u1", "张老师", "i1", "c1", TEN_TO_ELEVEN))
                .whenInvoking("calendar:u1", calendar -> calendar.book(elevenToNoon, "i2", "c2", "u1", "张老师"))
                .expectEvents(new InterviewSlotBooked("u1", "张老师", "i2", "c2", elevenToNoon));
    }

    @Test
    void a_released_slot_can_be_booked_for_another_interview() {
        InterviewSlot sameTime = slot("2026-11-23T10:00", "2026-11-23T11:00");
        fixture.given(new InterviewSlotBooked("u1", "张老师", "i1", "c1", TEN_TO_ELEVEN),
                        new InterviewSlotReleased("u1", "张老师", "i1", "c1", TEN_TO_ELEVEN))
                .whenInvoking("calendar:u1", calendar -> calendar.book(sameTime, "i2", "c2", "u1", "张老师"))
                .expectEvents(new InterviewSlotBooked("u1", "张老师", "i2", "c2", sameTime));
    }

    @Test
    void releasing_frees_the_interviews_slot() {
        fixture.given(new InterviewSlotBooked("u1", "张老师", "i1", "c1", TEN_TO_ELEVEN))
                .whenInvoking("calendar:u1", calendar -> calendar.release("i1"))
                .expectEvents(new InterviewSlotReleased("u1", "张老师", "i1", "c1", TEN_TO_ELEVEN));
    }

    @Test
    void releasing_an_interview_never_booked_changes_nothing() {
        fixture.given(new InterviewSlotBooked("u1", "张老师", "i1", "c1", TEN_TO_ELEVEN))
                .whenInvoking("calendar:u1", calendar -> calendar.release("i9"))
                .expectNoEvents();
    }

    @Test
    void a_slot_ends_after_it_starts_and_lasts_at_most_four_hours() {
        Instant start = TEN_TO_ELEVEN.start();
        assertThatThrownBy(() -> new InterviewSlot(start, start))
                .hasMessage("interview.slot.endNotAfterStart");
        assertThatThrownBy(() -> new InterviewSlot(start, start.plus(Duration.ofHours(4)).plusSeconds(60)))
                .hasMessage("interview.slot.tooLong [4]");
        assertThatThrownBy(() -> new InterviewSlot(start, null))
                .hasMessage("validation.required [interview.slot.end]");
        assertThat(new InterviewSlot(start, start.plus(Duration.ofHours(4))).inOfficeTime())
                .isEqualTo("2026-11-23 10:00–14:00");
        assertThat(slot("2026-11-23T22:00", "2026-11-24T01:00").inOfficeTime())
                .isEqualTo("2026-11-23 22:00–2026-11-24 01:00");
    }
}

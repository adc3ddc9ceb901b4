package cn.talentportal.domain.interview;

import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** When an interview takes place: from {@code start} (inclusive) to {@code end} (exclusive), at most four hours. */
public record InterviewSlot(Instant start, Instant end) {

    public static final Duration LONGEST = Duration.ofHours(4);
    /** Refusals name times as the office and its candidates read them. */
    static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public InterviewSlot {
        Require.present(start, "interview.slot.start");
        Require.present(end, "interview.slot.end");
        if (!end.isAfter(start)) {
            throw new DomainRuleViolation("interview.slot.endNotAfterStart");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new DomainRuleViolation("interview.slot.tooLong", LONGEST.toHours());
        }
    }

    /** Back-to-back slots do not overlap: one may start when the other ends. */
    public boolean overlaps(InterviewSlot other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** Like "2026-11-23 10:00–11:00" in office time, for refusals that name a slot. */
    public String inOfficeTime() {
        LocalDateTime from = LocalDateTime.ofInstant(start, OFFICE_ZONE);
        LocalDateTime to = LocalDateTime.ofInstant(end, OFFICE_ZONE);
        return from.format(DAY_AND_TIME) + "–"
                + (to.toLocalDate().equals(from.toLocalDate()) ? to.format(TIME) : to.format(DAY_AND_TIME));
    }
}

package cn.talentportal.domain.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A fixed clock a test moves on, so a case opened before its milestones can record a departure years later. */
final class SettableClock extends Clock {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Instant now;

    SettableClock(LocalDate today) {
        setToday(today);
    }

    void setToday(LocalDate today) {
        now = startOf(today);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(SHANGHAI).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return SHANGHAI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}

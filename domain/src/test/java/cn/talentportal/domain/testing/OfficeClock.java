package cn.talentportal.domain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The office's clock in Asia/Shanghai, standing still until a test moves it on: to after an interview, past an
 * offer's deadline, or years later for a departure. The one test clock of the domain's tests.
 */
public final class OfficeClock extends Clock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private volatile Instant now;

    public OfficeClock(Instant now) {
        this.now = now;
    }

    public OfficeClock(LocalDateTime officeTime) {
        setTo(officeTime);
    }

    public OfficeClock(LocalDate today) {
        setToday(today);
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(SHANGHAI).toInstant();
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void setTo(LocalDateTime officeTime) {
        now = officeTime.atZone(SHANGHAI).toInstant();
    }

    public void setToday(LocalDate today) {
        now = startOf(today);
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
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

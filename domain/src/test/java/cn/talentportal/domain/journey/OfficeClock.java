package cn.talentportal.domain.journey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The office's clock in Asia/Shanghai, standing still until a test moves it on (to after an interview, say). */
final class OfficeClock extends Clock {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private volatile Instant now;

    OfficeClock(LocalDateTime officeTime) {
        setTo(officeTime);
    }

    void setTo(LocalDateTime officeTime) {
        now = officeTime.atZone(SHANGHAI).toInstant();
    }

    void advance(Duration duration) {
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

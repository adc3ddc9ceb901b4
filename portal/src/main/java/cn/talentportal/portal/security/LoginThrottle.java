package cn.talentportal.portal.security;

import cn.talentportal.portal.account.UserAccounts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #FREE_USER_FAILURES} failed sign-ins for one username, or
 * {@value #FREE_ADDRESS_FAILURES} from one client address, further attempts are refused for a minute, doubling with
 * each further failure up to an hour, even with the right password. Counts live in MongoDB so a restart or a second
 * node does not reset them; unknown usernames count like known ones, so the answer tells nothing about accounts.
 */
@Component
public class LoginThrottle {

    static final int FREE_USER_FAILURES = 5;
    static final int FREE_ADDRESS_FAILURES = 30;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofHours(1);
    /** Failures further apart than this start a fresh count. */
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final MongoCollection<Document> attempts;
    private final Clock clock;

    public LoginThrottle(MongoDatabase database, Clock clock) {
        this.attempts = database.getCollection("login_attempts");
        this.clock = clock;
    }

    /** Until when sign-in is refused for this username or this client address, if it is. */
    public Optional<Instant> lockedUntil(String username, String clientAddress) {
        Instant now = clock.instant();
        return Stream.of(userKey(username), addressKey(clientAddress))
                .map(key -> attempts.find(Filters.eq("_id", key)).first())
                .filter(d -> d != null && d.getDate("lockedUntil") != null)
                .map(d -> d.getDate("lockedUntil").toInstant())
                .filter(now::isBefore)
                .max(Instant::compareTo);
    }

    public void failed(String username, String clientAddress) {
        count(userKey(username), FREE_USER_FAILURES);
        count(addressKey(clientAddress), FREE_ADDRESS_FAILURES);
    }

    /** A successful sign-in clears the username's count; the address keeps its own, so one good account does not
     * give a guesser a fresh start for the others. */
    public void succeeded(String username) {
        attempts.deleteOne(Filters.eq("_id", userKey(username)));
    }

    private void count(String key, int freeFailures) {
        Instant now = clock.instant();
        Document stale = attempts.find(Filters.eq("_id", key)).first();
        if (stale != null && stale.getDate("lastFailure").toInstant().plus(WINDOW).isBefore(now)
                && (stale.getDate("lockedUntil") == null || !now.isBefore(stale.getDate("lockedUntil").toInstant()))) {
            attempts.deleteOne(Filters.and(Filters.eq("_id", key), Filters.eq("failures", stale.getInteger("failures"))));
        }
        Document counted = attempts.findOneAndUpdate(Filters.eq("_id", key),
                Updates.combine(Updates.inc("failures", 1), Updates.set("lastFailure", Date.from(now))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        int beyond = counted.getInteger("failures") - freeFailures;
        if (beyond >= 0) {
            Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(beyond, 6));
            attempts.updateOne(Filters.eq("_id", key), Updates.set("lockedUntil",
                    Date.from(now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock))));
        }
    }

    private static String userKey(String username) {
        return "user:" + UserAccounts.normalise(username == null ? "" : username);
    }

    private static String addressKey(String clientAddress) {
        return "address:" + (clientAddress == null ? "unknown" : clientAddress);
    }
}

package cn.talentportal.portal.account;

import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.security.Role;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import cn.talentportal.domain.shared.EmailAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Login accounts in MongoDB, keyed by the lower-cased username so two people cannot take the same name even when
 * they register at the same moment (the key is unique on every MongoDB server).
 */
@Component
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_.@-]{3,40}");
    private static final int MIN_PASSWORD_LENGTH = 8;

    private final MongoCollection<Document> accounts;
    private final PasswordEncoder passwordEncoder;

    public UserAccounts(MongoDatabase database, PasswordEncoder passwordEncoder) {
        this.accounts = database.getCollection("user_accounts");
        this.passwordEncoder = passwordEncoder;
    }

    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Checks name and password rules before anything else is stored. */
    public static void validate(String username, String password) {
        if (!USERNAME.matcher(normalise(username)).matches()) {
            throw new DomainRuleViolation("account.username.invalid");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 128
                || password.chars().allMatch(Character::isDigit) || password.chars().allMatch(Character::isLetter)) {
            throw new DomainRuleViolation("account.password.weak", MIN_PASSWORD_LENGTH);
        }
    }

    public boolean exists(String username) {
        return accounts.find(Filters.eq("_id", normalise(username))).first() != null;
    }

    public boolean isEmpty() {
        return accounts.countDocuments() == 0;
    }

    public UserAccount create(String userId, String username, String rawPassword, Role role, String displayName,
                              String employerUnitId, String candidateId) {
        validate(username, rawPassword);
        UserAccount account = new UserAccount(userId, normalise(username),
                passwordEncoder.encode(rawPassword), role, displayName, employerUnitId, candidateId);
        try {
            accounts.insertOne(new Document("_id", account.username())
                    .append("userId", account.userId())
                    .append("passwordHash", account.passwordHash())
                    .append("role", role.name())
                    .append("displayName", displayName)
                    .append("employerUnitId", employerUnitId)
                    .append("candidateId", candidateId));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new UsernameTakenException(account.username());
            }
            throw e;
        }
        return account;
    }

    /** Takes back an account whose reason to exist was refused (the command that needed it failed). */
    public void delete(String username) {
        accounts.deleteOne(Filters.eq("_id", normalise(username)));
    }

    /**
     * The address the portal mails this person at (interview invitations, reminders). Kept on the account, not in
     * events: personal data that can be changed or erased.
     */
    public void setEmail(String username, String email) {
        String address = new EmailAddress(email).value();
        accounts.updateOne(Filters.eq("_id", normalise(username)), Updates.set("email", address));
    }

    /** By user id, as interviews and other events name people; a scan of a small collection. */
    public Optional<String> emailOfUser(String userId) {
        return Optional.ofNullable(accounts.find(Filters.eq("userId", userId)).first())
                .map(d -> d.getString("email"));
    }

    /**
     * Removes the mail address of the candidate's account (their personal data erased, decision 0026) and returns
     * it, so mail kept for that address can be erased too.
     */
    public Optional<String> eraseEmailOfCandidate(String candidateId) {
        Document account = accounts.findOneAndUpdate(Filters.eq("candidateId", candidateId), Updates.unset("email"));
        return Optional.ofNullable(account).map(d -> d.getString("email"));
    }

    /** By user id, as command metadata names the actor off a request (the interview room's websocket). */
    public Optional<UserAccount> findByUserId(String userId) {
        return Optional.ofNullable(accounts.find(Filters.eq("userId", userId)).first()).map(UserAccounts::account);
    }

    public Optional<UserAccount> find(String username) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", normalise(username))).first())
                .map(d -> new UserAccount(d.getString("userId"), d.getString("_id"), d.getString("passwordHash"),
                        Role.valueOf(d.getString("role")), d.getString("displayName"),
                        d.getString("employerUnitId"), d.getString("candidateId")));
    }

    /** A page of accounts ordered by username, for the administrators' lazy list. */
    public List<UserAccount> page(int offset, int limit) {
        return accounts.find().sort(Sorts.ascending("_id")).skip(Math.max(0, offset)).limit(Math.max(0, limit))
                .map(UserAccounts::account).into(new ArrayList<>());
    }

    public long count() {
        return accounts.countDocuments();
    }

    /**
     * A disabled account cannot sign in (Spring Security asks {@code PortalUser.isEnabled}). Accounts are enabled
     * unless disabled, so accounts created before the flag existed stay usable.
     */
    public boolean isEnabled(String username) {
        Document account = accounts.find(Filters.eq("_id", normalise(username))).first();
        return account != null && !account.getBoolean("disabled", false);
    }

    /** Which of these usernames are disabled, in one read (a page of the administrators' list). */
    public Set<String> disabledAmong(Collection<String> usernames) {
        Set<String> disabled = new HashSet<>();
        accounts.find(Filters.and(Filters.in("_id", usernames), Filters.eq("disabled", true)))
                .forEach(d -> disabled.add(d.getString("_id")));
        return disabled;
    }

    public void setEnabled(String username, boolean enabled) {
        accounts.updateOne(Filters.eq("_id", normalise(username)), Updates.set("disabled", !enabled));
    }

    /** A recruiter's account names their employer unit; any other role's names none. */
    public void changeRole(String username, Role role, String employerUnitId) {
        accounts.updateOne(Filters.eq("_id", normalise(username)), Updates.combine(
                Updates.set("role", role.name()),
                Updates.set("employerUnitId", role == Role.RECRUITER ? employerUnitId : null)));
    }

    /** A new password under the same rules as at creation ({@link #validate}). */
    public void resetPassword(String username, String rawPassword) {
        validate(username, rawPassword);
        accounts.updateOne(Filters.eq("_id", normalise(username)),
                Updates.set("passwordHash", passwordEncoder.encode(rawPassword)));
    }

    private static UserAccount account(Document d) {
        return new UserAccount(d.getString("userId"), d.getString("_id"), d.getString("passwordHash"),
                Role.valueOf(d.getString("role")), d.getString("displayName"), d.getString("employerUnitId"),
                d.getString("candidateId"));
    }
}

package cn.talentportal.portal.account;

import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.security.Role;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import cn.talentportal.domain.shared.EmailAddress;
import java.util.Locale;
import java.util.Optional;
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

    public Optional<UserAccount> find(String username) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", normalise(username))).first())
                .map(d -> new UserAccount(d.getString("userId"), d.getString("_id"), d.getString("passwordHash"),
                        Role.valueOf(d.getString("role")), d.getString("displayName"),
                        d.getString("employerUnitId"), d.getString("candidateId")));
    }
}

package cn.talentportal.portal.outreach;

import cn.talentportal.domain.outreach.ReturneeRegisterCommands.AddToReturneeRegister;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.outreach.OutreachQueries.CountRegisterEntries;
import cn.talentportal.projections.outreach.OutreachQueries.RegisterFilter;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import static cn.talentportal.portal.Eventually.eventually;

/**
 * Natives put on the register through real commands, in a county of the test's own (a unique name), so the test's
 * counts do not depend on what other tests stored in the shared portal.
 */
public final class Returnees {

    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 100_000_000));

    private final Commands commands;
    private final QueryGateway queries;
    public final String county = "测试乡" + UUID.randomUUID().toString().substring(0, 6);

    public Returnees(Commands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public static PhoneNumber uniquePhone() {
        return new PhoneNumber("137" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000));
    }

    /** Adds the native to the register in this test's county; returns the entry id. */
    public String add(String fullName, String field, boolean consent, PhoneNumber phone) {
        String entryId = UUID.randomUUID().toString();
        commands.send(new AddToReturneeRegister(entryId, fullName, county, "深圳", "深圳某医院", field, phone,
                new EmailAddress("r" + entryId.substring(0, 8) + "@example.cn"), consent));
        return entryId;
    }

    /** Waits until the register lists this many entries of the county. */
    public void awaitListed(long entries) {
        eventually(() -> queries.query(new CountRegisterEntries(new RegisterFilter(county, null, null, null)),
                ResponseTypes.instanceOf(Long.class)).join(), count -> count == entries, "the register's entries");
    }
}

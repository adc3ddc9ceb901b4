package cn.talentportal.infra.mail;

import cn.talentportal.infra.testing.EmbeddedMongo;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** An erased person's mail leaves the outbox; everyone else's stays (decision 0026). */
class OutboxErasureTest {

    @TempDir
    Path dataDir;

    @Test
    void mail_addressed_to_an_erased_person_is_deleted_and_other_mail_kept() {
        try (EmbeddedMongo mongo = new EmbeddedMongo(dataDir)) {
            OutboxMailTransport outbox = new OutboxMailTransport(mongo.database, Clock.systemUTC());
            outbox.send(mail("wang@example.cn"));
            outbox.send(mail("wang@example.cn"));
            outbox.send(mail("li@example.cn"));

            outbox.eraseMailTo(List.of("wang@example.cn"));

            assertThat(outbox.latest(10)).extracting(entry -> entry.mail().to()).containsExactly("li@example.cn");
            outbox.eraseMailTo(List.of());
            assertThat(outbox.latest(10)).hasSize(1);
        }
    }

    private static OutgoingMail mail(String to) {
        return new OutgoingMail("n-" + to, to, "收件人", "面试通知", "您好", null, null);
    }
}

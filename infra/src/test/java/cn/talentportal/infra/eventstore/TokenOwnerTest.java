package cn.talentportal.infra.eventstore;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TokenOwnerTest {

    @TempDir
    Path dataDir;

    @Test
    void on_the_embedded_default_a_restarted_portal_claims_tokens_under_the_name_kept_in_its_data_directory() {
        String first = TokenOwner.of(null, true, dataDir);

        assertThat(first).startsWith("embedded-");
        assertThat(dataDir.resolve(TokenOwner.FILE_NAME)).exists();
        assertThat(TokenOwner.of("", true, dataDir)).isEqualTo(first);
        assertThat(TokenOwner.of(null, true, dataDir.resolve("other"))).isNotEqualTo(first);
    }

    @Test
    void with_an_external_store_nodes_keep_axons_per_process_name_unless_one_is_configured() {
        assertThat(TokenOwner.of(null, false, dataDir)).isEqualTo(ManagementFactory.getRuntimeMXBean().getName());
        assertThat(dataDir.resolve(TokenOwner.FILE_NAME)).doesNotExist();
        assertThat(TokenOwner.of(" portal-a ", false, dataDir)).isEqualTo("portal-a");
        assertThat(TokenOwner.of("portal-a", true, dataDir)).isEqualTo("portal-a");
    }
}

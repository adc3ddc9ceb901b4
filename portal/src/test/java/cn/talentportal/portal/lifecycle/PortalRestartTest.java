package cn.talentportal.portal.lifecycle;

import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidateHistory;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidates;
import cn.talentportal.projections.candidate.CandidateSummary;
import cn.talentportal.projections.candidate.HistoryEntry;
import cn.talentportal.projections.employer.EmployerQueries.FindAllEmployerUnits;
import cn.talentportal.projections.employer.EmployerUnitView;
import cn.talentportal.projections.search.SearchQueries.OpeningSearchResult;
import cn.talentportal.projections.search.SearchQueries.SearchOpenings;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static cn.talentportal.portal.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Stop the portal and start it again on the same data directory: nothing is lost, nothing is seeded twice. */
class PortalRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void events_read_models_and_search_results_survive_a_restart() {
        String candidateId = UUID.randomUUID().toString();
        long nursesBefore;
        try (ConfigurableApplicationContext first = PortalProcess.startInThisJvm(dataDir)) {
            QueryGateway queries = first.getBean(QueryGateway.class);
            first.getBean(Commands.class).sendAsSystem(new RegisterCandidate(candidateId, "重启测试员",
                    new PhoneNumber("13600136000"), new EmailAddress("restart@example.cn"), null,
                    new CandidateProfile(Education.BACHELOR, null, null, null, null, null, null),
                    new RegistrationChannel(CandidateSource.REFERRAL, null, null),
                    RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
            eventually(() -> candidates(queries, candidateId), list -> list.size() == 1, "the candidate");
            nursesBefore = eventually(() -> search(queries, "护士").total(), total -> total >= 2, "demo nurses");
        }

        try (ConfigurableApplicationContext second = PortalProcess.startInThisJvm(dataDir)) {
            QueryGateway queries = second.getBean(QueryGateway.class);
            assertThat(second.getBean(UserAccounts.class).find("admin")).as("seeded account").isPresent();
            assertThat(queries.query(new FindAllEmployerUnits(),
                    ResponseTypes.multipleInstancesOf(EmployerUnitView.class)).join())
                    .as("demo units, seeded once").hasSize(5);
            assertThat(candidates(queries, candidateId)).as("read model kept on disk")
                    .singleElement().extracting(CandidateSummary::fullName).isEqualTo("重启测试员");
            assertThat(queries.query(new FindCandidateHistory(candidateId),
                    ResponseTypes.multipleInstancesOf(HistoryEntry.class)).join())
                    .extracting(HistoryEntry::eventType).containsExactly("CandidateRegistered");
            assertThat(eventually(() -> search(queries, "护士").total(), total -> total > 0, "search after restart"))
                    .isEqualTo(nursesBefore);
        }
    }

    private static List<CandidateSummary> candidates(QueryGateway queries, String candidateId) {
        return queries.query(new FindCandidates(candidateId, 10),
                ResponseTypes.multipleInstancesOf(CandidateSummary.class)).join();
    }

    private static OpeningSearchResult search(QueryGateway queries, String text) {
        return queries.query(new SearchOpenings(text, null, null, 0, 20), OpeningSearchResult.class).join();
    }
}

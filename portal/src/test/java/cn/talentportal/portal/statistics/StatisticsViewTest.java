package cn.talentportal.portal.statistics;

import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.ConvertReturneeToCandidate;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.charts.EChart;
import cn.talentportal.portal.outreach.Returnees;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.statistics.FunnelQueries.FindFunnelBySource;
import cn.talentportal.projections.statistics.OfficeStatistics.YearCount;
import cn.talentportal.projections.statistics.OfficeStatistics;
import cn.talentportal.projections.statistics.SourceFunnel;
import cn.talentportal.projections.statistics.StatisticsQueries.FindOfficeStatistics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static cn.talentportal.portal.Eventually.eventually;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatisticsViewTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired QueryGateway queries;

    /** A native converted from the register: one more candidate from the register and one more conversion. */
    private void convertOneReturnee() {
        UserAccount recruiter = account(accounts, "outreach", Role.RECRUITER, "周老师", UUID.randomUUID().toString(),
                null);
        actAs(recruiter);
        Returnees returnees = new Returnees(commands, queries);
        String entryId = returnees.add("郑洁", "医疗", true, Returnees.uniquePhone());
        returnees.awaitListed(1);
        commands.send(new ConvertReturneeToCandidate(entryId, UUID.randomUUID().toString(), null, null, null,
                new CandidateProfile(Education.BACHELOR, "重庆医科大学", "护理学", 2020, returnees.county, "深圳",
                        null), RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        actAsNobody();
    }

    private int registeredFromTheRegister() {
        return funnel().stream().filter(f -> f.source() == CandidateSource.RETURNEE_REGISTER)
                .mapToInt(SourceFunnel::registered).sum();
    }

    private List<SourceFunnel> funnel() {
        return queries.query(new FindFunnelBySource(), ResponseTypes.multipleInstancesOf(SourceFunnel.class)).join();
    }

    private int conversions() {
        return queries.query(new FindOfficeStatistics(null), ResponseTypes.instanceOf(OfficeStatistics.class))
                .join().registerConversions().stream().mapToInt(YearCount::count).sum();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_funnel_chart_and_its_table_show_the_read_models_numbers_with_chinese_labels() throws Exception {
        int registeredBefore = registeredFromTheRegister();
        int conversionsBefore = conversions();
        convertOneReturnee();
        int registered = eventually(this::registeredFromTheRegister, n -> n == registeredBefore + 1,
                "the converted native in the funnel");
        int converted = eventually(this::conversions, n -> n == conversionsBefore + 1, "the conversion counted");

        signIn(account(accounts, "auditor", Role.AUDITOR, "审计员", null, null));
        UI.getCurrent().navigate(StatisticsView.class);

        JsonNode option = new ObjectMapper().readTree(
                _get(EChart.class, spec -> spec.withId("stats-funnel-chart")).optionJson());
        List<String> sources = stream(option.path("xAxis").path("data")).map(JsonNode::asText).toList();
        int column = sources.indexOf("返乡人才登记");
        assertThat(column).as("the register's column in " + sources).isNotNegative();
        JsonNode registeredSeries = stream(option.path("series"))
                .filter(s -> s.path("name").asText().equals("注册")).findFirst().orElseThrow();
        assertThat(registeredSeries.path("data").get(column).asInt()).isEqualTo(registered);
        assertThat(option.path("title").path("text").asText()).isEqualTo("各渠道转化漏斗");

        Grid<SourceFunnel> table = _get(Grid.class, spec -> spec.withId("stats-funnel-table"));
        int row = GridKt._findAll(table).stream().map(SourceFunnel::source).toList()
                .indexOf(CandidateSource.RETURNEE_REGISTER);
        assertThat(GridKt._getFormatted(table, row, "source")).isEqualTo("返乡人才登记");
        assertThat(GridKt._getFormatted(table, row, "REGISTERED")).isEqualTo(String.valueOf(registered));
        assertThat(GridKt._size(table)).isEqualTo(funnel().size());

        Div conversionsFigure = _get(Div.class, spec -> spec.withId("figure-conversions"));
        assertThat(conversionsFigure.getElement().getChild(0).getText()).isEqualTo(String.valueOf(converted));
    }

    @Test
    void candidates_do_not_see_the_statistics() {
        signIn(account(accounts, "cand", Role.CANDIDATE, "求职者", null, UUID.randomUUID().toString()));
        assertThatThrownBy(() -> UI.getCurrent().navigate(StatisticsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}

package cn.talentportal.portal.statistics;

import cn.talentportal.domain.candidate.CandidateCommands.AcceptOffer;
import cn.talentportal.domain.candidate.CandidateCommands.PlaceCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.SignContract;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.ConvertReturneeToCandidate;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.charts.EChart;
import cn.talentportal.portal.journey.ExtendedOffers;
import cn.talentportal.portal.journey.ExtendedOffers.Offered;
import cn.talentportal.portal.outreach.Returnees;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.statistics.FunnelQueries.FindFunnelBySource;
import cn.talentportal.projections.statistics.AgeBand;
import cn.talentportal.projections.statistics.OfficeStatistics.AgeBandCount;
import cn.talentportal.projections.statistics.OfficeStatistics.EducationCount;
import cn.talentportal.projections.statistics.OfficeStatistics.HometownCount;
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
import java.time.LocalDate;
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
    @Autowired TestClock clock;

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
    @SuppressWarnings("unchecked")
    void who_was_placed_is_shown_by_age_band_education_and_hometown_in_chinese() {
        int bachelorsBefore = bachelorsPlaced();
        Offered offer = new ExtendedOffers(commands, accounts, clock).offer("县第七中学" + suffix(), "冯晓",
                "初中化学教师" + suffix(), "初三化学教师", 5800, 20, 7);
        actAs(offer.candidate());
        commands.send(new AcceptOffer(offer.candidateId(), offer.applicationId()));
        actAs(offer.recruiter());
        commands.send(new SignContract(offer.candidateId(), offer.applicationId(), 3));
        commands.send(new PlaceCandidate(offer.candidateId(), offer.applicationId(), "初三化学教师",
                LocalDate.now(clock).plusDays(20)));
        actAsNobody();
        clock.reset();
        eventually(this::bachelorsPlaced, n -> n == bachelorsBefore + 1, "the placement counted by education");
        OfficeStatistics office = queries.query(new FindOfficeStatistics(null),
                ResponseTypes.instanceOf(OfficeStatistics.class)).join();

        signIn(account(accounts, "auditor", Role.AUDITOR, "审计员", null, null));
        UI.getCurrent().navigate(StatisticsView.class);

        Grid<EducationCount> educations = _get(Grid.class, spec -> spec.withId("stats-education-table"));
        assertThat(GridKt._findAll(educations)).isEqualTo(office.placedByEducation());
        int bachelors = GridKt._findAll(educations).stream().map(EducationCount::education).toList()
                .indexOf(Education.BACHELOR);
        assertThat(GridKt._getFormatted(educations, bachelors, "education")).isEqualTo("本科");
        Grid<AgeBandCount> ages = _get(Grid.class, spec -> spec.withId("stats-age-table"));
        assertThat(GridKt._findAll(ages)).isEqualTo(office.placedByAge());
        // registered without an ID number: no birth year, so an unknown age
        int unknown = GridKt._findAll(ages).stream().map(AgeBandCount::band).toList().indexOf(AgeBand.UNKNOWN);
        assertThat(GridKt._getFormatted(ages, unknown, "band")).isEqualTo("未知");
        Grid<HometownCount> hometowns = _get(Grid.class, spec -> spec.withId("stats-hometown-table"));
        assertThat(GridKt._findAll(hometowns)).isEqualTo(office.placedByHometown())
                .extracting(HometownCount::county).contains("城关镇");
        assertThat(_get(EChart.class, spec -> spec.withId("stats-age-chart")).optionJson()).contains("到岗时年龄");
    }

    private int bachelorsPlaced() {
        return queries.query(new FindOfficeStatistics(null), ResponseTypes.instanceOf(OfficeStatistics.class))
                .join().placedByEducation().stream().filter(c -> c.education() == Education.BACHELOR)
                .mapToInt(EducationCount::count).sum();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
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

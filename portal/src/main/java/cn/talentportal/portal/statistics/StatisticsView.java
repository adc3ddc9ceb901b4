package cn.talentportal.portal.statistics;

import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.charts.ChartOptions;
import cn.talentportal.portal.charts.ChartOptions.Series;
import cn.talentportal.portal.charts.EChart;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.drive.DriveConversion;
import cn.talentportal.projections.drive.DriveQueries.FindDriveConversions;
import cn.talentportal.projections.statistics.CohortRetention;
import cn.talentportal.projections.statistics.FunnelQueries.FindFunnelBySource;
import cn.talentportal.projections.statistics.FunnelQueries.FindRetentionByCohort;
import cn.talentportal.projections.statistics.JourneyFunnelProjection;
import cn.talentportal.projections.statistics.OfficeStatistics;
import cn.talentportal.projections.statistics.OfficeStatistics.AgeBandCount;
import cn.talentportal.projections.statistics.OfficeStatistics.EducationCount;
import cn.talentportal.projections.statistics.OfficeStatistics.HometownCount;
import cn.talentportal.projections.statistics.OfficeStatistics.SectorYearCount;
import cn.talentportal.projections.statistics.OfficeStatistics.YearCount;
import cn.talentportal.projections.statistics.SourceFunnel;
import cn.talentportal.projections.statistics.StatisticsQueries.FindOfficeStatistics;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * The office's figures as charts, each followed by the same figures as a table (a chart is an image to a screen
 * reader): the funnel of every channel, the conversion of each drive, placements by sector and year, the retention
 * of each year's placements after 1, 3 and 5 years, and the office's counts.
 */
@Route("statistics")
@RolesAllowed({Role.RECRUITER_ROLE, Role.ADMIN_ROLE, Role.AUDITOR_ROLE})
public class StatisticsView extends VerticalLayout implements HasDynamicTitle {

    /** The steps of the funnel, as the chart's series and the table's columns. */
    public enum Step {
        REGISTERED(SourceFunnel::registered), APPLIED(SourceFunnel::applied),
        INTERVIEWED(SourceFunnel::interviewed), SIGNED(SourceFunnel::signed),
        IN_POST_AT_ONE_YEAR(SourceFunnel::stillInPostAtOneYear);

        final ToIntFunction<SourceFunnel> count;

        Step(ToIntFunction<SourceFunnel> count) {
            this.count = count;
        }
    }

    public StatisticsView(QueryGateway queries, Clock clock) {
        addClassName("portal-page");
        H2 title = new H2(getTranslation("statistics.title"));
        title.addClassName("portal-title");
        add(title);
        OfficeStatistics office = queries.query(new FindOfficeStatistics(null),
                ResponseTypes.instanceOf(OfficeStatistics.class)).join();
        figures(office);
        funnel(queries.query(new FindFunnelBySource(), ResponseTypes.multipleInstancesOf(SourceFunnel.class)).join());
        drives(queries.query(new FindDriveConversions(), ResponseTypes.multipleInstancesOf(DriveConversion.class))
                .join());
        placements(office);
        profiles(office);
        retention(queries.query(new FindRetentionByCohort(LocalDate.now(clock.withZone(PortalFormats.OFFICE_ZONE))),
                ResponseTypes.multipleInstancesOf(CohortRetention.class)).join());
    }

    private void figures(OfficeStatistics office) {
        NumberFormat number = NumberFormat.getIntegerInstance(getLocale());
        Div cards = new Div();
        cards.setId("stats-figures");
        cards.addClassName("portal-figures");
        cards.add(figure("statistics.figure.introduced", number.format(office.talentIntroduced().stream()
                .mapToInt(SectorYearCount::count).sum())));
        cards.add(figure("statistics.figure.graduates", number.format(sum(office.graduatesPlaced()))));
        cards.add(figure("statistics.figure.returnees", number.format(sum(office.returneesPlaced()))));
        cards.add(figure("statistics.figure.conversions", number.format(sum(office.registerConversions()))));
        cards.add(figure("statistics.figure.apartments", number.format(office.apartmentsOccupied())));
        cards.add(figure("statistics.figure.allowances", number.format(office.allowancesGranted().stream()
                .mapToInt(OfficeStatistics.AllowanceTotal::count).sum())));
        cards.add(figure("statistics.figure.allowanceSum", "¥" + number.format(office.allowancesGranted().stream()
                .mapToInt(OfficeStatistics.AllowanceTotal::monthlySum).sum())));
        add(new H3(getTranslation("statistics.figures")), cards);
    }

    private Div figure(String key, String value) {
        Span number = new Span(value);
        number.addClassName("portal-figure-value");
        Span label = new Span(getTranslation(key));
        label.addClassName("portal-muted");
        Div figure = new Div(number, label);
        figure.addClassName("portal-figure");
        figure.setId("figure-" + key.substring(key.lastIndexOf('.') + 1));
        return figure;
    }

    private static int sum(List<YearCount> counts) {
        return counts.stream().mapToInt(YearCount::count).sum();
    }

    private void funnel(List<SourceFunnel> funnels) {
        String heading = getTranslation("statistics.funnel");
        List<String> sources = funnels.stream().map(f -> getTranslation("source." + f.source().name())).toList();
        List<Series> series = Arrays.stream(Step.values())
                .map(step -> new Series(getTranslation("statistics.step." + step.name()),
                        funnels.stream().map(f -> step.count.applyAsInt(f)).toList()))
                .toList();
        Grid<SourceFunnel> table = table("stats-funnel-table");
        table.addColumn(f -> getTranslation("source." + f.source().name()))
                .setHeader(getTranslation("statistics.source")).setKey("source");
        for (Step step : Step.values()) {
            table.addColumn(f -> step.count.applyAsInt(f)).setHeader(getTranslation("statistics.step." + step.name()))
                    .setKey(step.name());
        }
        table.setItems(funnels);
        section(heading, chart("stats-funnel-chart", heading, ChartOptions.bars(heading, sources, series, false)),
                table, funnels.isEmpty());
    }

    private void drives(List<DriveConversion> drives) {
        Grid<DriveConversion> table = table("stats-drives-table");
        table.addColumn(DriveConversion::title).setHeader(getTranslation("statistics.drive")).setKey("drive")
                .setFlexGrow(2);
        table.addColumn(d -> getTranslation("driveKind." + d.kind().name()))
                .setHeader(getTranslation("statistics.driveKind"));
        table.addColumn(DriveConversion::registered).setHeader(getTranslation("statistics.step.REGISTERED"));
        table.addColumn(DriveConversion::applied).setHeader(getTranslation("statistics.step.APPLIED"));
        table.addColumn(DriveConversion::interviewed).setHeader(getTranslation("statistics.step.INTERVIEWED"));
        table.addColumn(DriveConversion::signed).setHeader(getTranslation("statistics.step.SIGNED"));
        table.addColumn(DriveConversion::stillInPostAtOneYear)
                .setHeader(getTranslation("statistics.step.IN_POST_AT_ONE_YEAR"));
        table.setItems(drives);
        add(new H3(getTranslation("statistics.drives")));
        add(drives.isEmpty() ? empty() : table);
    }

    private void placements(OfficeStatistics office) {
        String heading = getTranslation("statistics.placements");
        List<Integer> years = office.talentIntroduced().stream().map(SectorYearCount::year).distinct().sorted()
                .toList();
        List<Sector> sectors = office.talentIntroduced().stream().map(SectorYearCount::sector)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
        List<Series> series = sectors.stream()
                .map(sector -> new Series(getTranslation("sector." + sector.name()),
                        years.stream().map(year -> office.introduced(sector, year)).toList()))
                .toList();
        Grid<SectorYearCount> table = table("stats-placements-table");
        table.addColumn(SectorYearCount::year).setHeader(getTranslation("statistics.year")).setKey("year");
        table.addColumn(c -> getTranslation("sector." + c.sector().name()))
                .setHeader(getTranslation("statistics.sector")).setKey("sector");
        table.addColumn(SectorYearCount::count).setHeader(getTranslation("statistics.placed")).setKey("count");
        table.setItems(office.talentIntroduced());
        section(heading, chart("stats-placements-chart", heading, ChartOptions.bars(heading,
                years.stream().map(String::valueOf).toList(), series, true)), table, years.isEmpty());
    }

    /** Who was placed, by what statistics keep after an erasure: age band, education, hometown county. */
    private void profiles(OfficeStatistics office) {
        String heading = getTranslation("statistics.profiles");
        add(new H3(heading));
        if (office.placedByAge().isEmpty()) {
            add(empty());
            return;
        }
        String byAge = getTranslation("statistics.byAge");
        add(chart("stats-age-chart", byAge, ChartOptions.bars(byAge,
                office.placedByAge().stream().map(c -> getTranslation("ageBand." + c.band().name())).toList(),
                List.of(new Series(getTranslation("statistics.placed"),
                        office.placedByAge().stream().map(AgeBandCount::count).toList())), false)));
        Grid<AgeBandCount> ages = table("stats-age-table");
        ages.addColumn(c -> getTranslation("ageBand." + c.band().name())).setHeader(byAge).setKey("band");
        ages.addColumn(AgeBandCount::count).setHeader(getTranslation("statistics.placed")).setKey("count");
        ages.setItems(office.placedByAge());
        Grid<EducationCount> educations = table("stats-education-table");
        educations.addColumn(c -> getTranslation("education." + c.education().name()))
                .setHeader(getTranslation("statistics.byEducation")).setKey("education");
        educations.addColumn(EducationCount::count).setHeader(getTranslation("statistics.placed")).setKey("count");
        educations.setItems(office.placedByEducation());
        Grid<HometownCount> hometowns = table("stats-hometown-table");
        hometowns.addColumn(c -> c.county() == null ? getTranslation("statistics.hometownUnknown") : c.county())
                .setHeader(getTranslation("statistics.byHometown")).setKey("county");
        hometowns.addColumn(HometownCount::count).setHeader(getTranslation("statistics.placed")).setKey("count");
        hometowns.setItems(office.placedByHometown());
        Div tables = new Div();
        tables.addClassName("portal-stats-tables");
        for (Grid<?> table : List.of(ages, educations, hometowns)) {
            table.getElement().setAttribute("aria-label", heading);
            tables.add(table);
        }
        add(tables);
    }

    private void retention(List<CohortRetention> cohorts) {
        String heading = getTranslation("statistics.retention");
        List<String> anniversaries = JourneyFunnelProjection.ANNIVERSARIES.stream()
                .map(years -> getTranslation("statistics.afterYears", years)).toList();
        List<Series> series = cohorts.stream()
                .map(cohort -> new Series(getTranslation("statistics.cohort", cohort.year()),
                        JourneyFunnelProjection.ANNIVERSARIES.stream()
                                .map(years -> cohort.after(years).percent()).toList()))
                .toList();
        Grid<CohortRetention> table = table("stats-retention-table");
        table.addColumn(CohortRetention::year).setHeader(getTranslation("statistics.cohortYear")).setKey("year");
        table.addColumn(CohortRetention::placed).setHeader(getTranslation("statistics.placed")).setKey("placed");
        for (int years : JourneyFunnelProjection.ANNIVERSARIES) {
            table.addColumn(cohort -> share(cohort.after(years)))
                    .setHeader(getTranslation("statistics.afterYears", years)).setKey("after" + years);
        }
        table.setItems(cohorts);
        section(heading, chart("stats-retention-chart", heading,
                ChartOptions.lines(heading, anniversaries, series, "%")), table, cohorts.isEmpty());
    }

    /** "8 / 10 (80%)", or "not yet" while no one of the cohort has reached the anniversary. */
    private String share(CohortRetention.Share share) {
        return share.percent() == null ? getTranslation("statistics.notYet")
                : getTranslation("statistics.share", share.retained(), share.due(), share.percent());
    }

    private EChart chart(String id, String name, com.fasterxml.jackson.databind.node.ObjectNode option) {
        EChart chart = new EChart();
        chart.setId(id);
        chart.setAccessibleName(name);
        chart.setOption(option);
        chart.setWidthFull();
        return chart;
    }

    private <T> Grid<T> table(String id) {
        Grid<T> table = new Grid<>();
        table.setId(id);
        table.setAllRowsVisible(true);
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return table;
    }

    private void section(String heading, EChart chart, Grid<?> table, boolean empty) {
        add(new H3(heading));
        if (empty) {
            add(empty());
            return;
        }
        table.getElement().setAttribute("aria-label", heading);
        add(chart, table);
    }

    private Paragraph empty() {
        Paragraph none = new Paragraph(getTranslation("statistics.none"));
        none.addClassName("portal-muted");
        return none;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("statistics.title") + " · " + getTranslation("app.name");
    }
}

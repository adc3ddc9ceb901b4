package cn.talentportal.portal.outreach;

import cn.talentportal.domain.outreach.OutreachChannel;
import cn.talentportal.domain.outreach.OutreachCommands.LaunchCampaign;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.reference.Towns;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.portal.shared.ReadModels;
import cn.talentportal.projections.outreach.CampaignView;
import cn.talentportal.projections.outreach.OutreachQueries.CountCampaigns;
import cn.talentportal.projections.outreach.OutreachQueries.FindCampaign;
import cn.talentportal.projections.outreach.OutreachQueries.FindCampaigns;
import cn.talentportal.projections.outreach.OutreachQueries.FindTargetGroup;
import cn.talentportal.projections.outreach.TargetGroup;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Outreach campaigns of the office: launch one for natives of a county (or of all), seeing before launching how
 * many of them agreed to be contacted and how many are therefore excluded; the list of campaigns, latest first.
 */
@Route("outreach/campaigns")
@RolesAllowed(Role.RECRUITER_ROLE)
public class CampaignsView extends VerticalLayout implements HasDynamicTitle {

    /** What the launch form holds. */
    static final class Draft {
        String name = "";
        OutreachChannel channel;
        String message = "";
        String targetCounty;
        LocalDate endsOn;
    }

    private final Commands commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final Towns towns;
    private final Grid<CampaignView> grid = new Grid<>();
    private final TargetGroupSummary target = new TargetGroupSummary();
    private final Binder<Draft> binder = new Binder<>();
    private final Draft draft = new Draft();

    public CampaignsView(Commands commands, QueryGateway queries, Clock clock, Towns towns) {
        this.towns = towns;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("campaigns.title"));
        title.addClassName("portal-title");

        grid.setId("campaigns");
        grid.addComponentColumn(this::nameLink).setHeader(getTranslation("outreach.campaignName")).setKey("name")
                .setFlexGrow(2);
        grid.addColumn(c -> getTranslation("outreachChannel." + c.channel().name()))
                .setHeader(getTranslation("outreach.channel")).setKey("channel");
        grid.addColumn(c -> c.targetHometownCounty() == null ? getTranslation("campaigns.allCounties")
                : c.targetHometownCounty()).setHeader(getTranslation("outreach.targetCounty")).setKey("target");
        grid.addColumn(c -> OutreachDates.format(c.endsOn(), getLocale())).setHeader(getTranslation("outreach.endsOn"))
                .setKey("endsOn");
        grid.addColumn(CampaignView::contactedEntries).setHeader(getTranslation("campaigns.contacted"))
                .setKey("contacted");
        grid.addColumn(c -> getTranslation(c.closed() ? "campaigns.closed" : "campaigns.open"))
                .setHeader(getTranslation("campaigns.status")).setKey("status");
        grid.setEmptyStateText(getTranslation("campaigns.none"));
        grid.setItems(query -> queries.query(new FindCampaigns(query.getOffset(), query.getLimit()),
                        ResponseTypes.multipleInstancesOf(CampaignView.class)).join().stream(),
                query -> Math.toIntExact(queries.query(new CountCampaigns(), ResponseTypes.instanceOf(Long.class))
                        .join()));

        Details launch = new Details(getTranslation("campaigns.launch"), launchForm());
        launch.setOpened(true);
        launch.setId("campaign-launch-section");
        add(title, launch, grid);
    }

    private Button nameLink(CampaignView campaign) {
        Button open = new Button(campaign.name(), e -> getUI().ifPresent(ui -> ui.navigate(CampaignDetailView.class,
                new RouteParameters("campaignId", campaign.campaignId()))));
        open.setId("campaign-open-" + campaign.campaignId());
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return open;
    }

    private VerticalLayout launchForm() {
        TextField name = new TextField(getTranslation("outreach.campaignName"));
        name.setId("campaign-name");
        name.setValueChangeMode(ValueChangeMode.EAGER);
        Select<OutreachChannel> channel = new Select<>();
        channel.setId("campaign-channel");
        channel.setLabel(getTranslation("outreach.channel"));
        channel.setItems(OutreachChannel.values());
        channel.setItemLabelGenerator(c -> getTranslation("outreachChannel." + c.name()));
        TextArea message = new TextArea(getTranslation("outreach.message"));
        message.setId("campaign-message");
        message.setValueChangeMode(ValueChangeMode.EAGER);
        ComboBox<String> county = new ComboBox<>(getTranslation("outreach.targetCounty"));
        county.setId("campaign-target-county");
        List<String> counties = new ArrayList<>(towns.all());
        county.setItemLabelGenerator(t -> towns.label(t, getLocale()));
        county.setItems(counties);
        county.setAllowCustomValue(true);
        county.addCustomValueSetListener(e -> {
            counties.add(e.getDetail());
            county.setItems(counties);
            county.setValue(e.getDetail());
        });
        county.setClearButtonVisible(true);
        county.setHelperText(getTranslation("campaigns.allCounties.help"));
        DatePicker endsOn = new DatePicker(getTranslation("outreach.endsOn"));
        endsOn.setId("campaign-ends-on");
        endsOn.setMin(today());
        endsOn.setValue(today().plusMonths(1));

        binder.forField(name).asRequired(required("outreach.campaignName"))
                .withValidator(maxLength("outreach.campaignName", 80))
                .bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(channel).asRequired(required("outreach.channel"))
                .bind(d -> d.channel, (d, v) -> d.channel = v);
        binder.forField(message).asRequired(required("outreach.message"))
                .withValidator(maxLength("outreach.message", 2000))
                .bind(d -> d.message, (d, v) -> d.message = v);
        binder.forField(county).withValidator(maxLength("outreach.targetCounty", 50))
                .bind(d -> d.targetCounty, (d, v) -> d.targetCounty = v);
        binder.forField(endsOn).asRequired(required("outreach.endsOn"))
                .withValidator(date -> !date.isBefore(today()), getTranslation("outreach.campaign.endsInPast"))
                .bind(d -> d.endsOn, (d, v) -> d.endsOn = v);
        draft.endsOn = endsOn.getValue();

        target.setId("campaign-target");
        county.addValueChangeListener(e -> showTarget(e.getValue()));
        showTarget(null);

        Button launch = new Button(getTranslation("campaigns.launch"), e -> launch());
        launch.setId("campaign-launch");
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, channel, county, endsOn, message);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.setColspan(message, 2);
        Paragraph note = new Paragraph(getTranslation("campaigns.consentNote"));
        note.addClassName("portal-muted");
        VerticalLayout content = new VerticalLayout(form, target, note, launch);
        content.setPadding(false);
        return content;
    }

    private void showTarget(String county) {
        target.show(queries.query(new FindTargetGroup(RegisterEntryForm.blankToNull(county)),
                ResponseTypes.instanceOf(TargetGroup.class)).join());
    }

    private void launch() {
        if (!binder.writeBeanIfValid(draft)) {
            return; // the fields show what is wrong
        }
        String campaignId = UUID.randomUUID().toString();
        try {
            commands.send(new LaunchCampaign(campaignId, draft.name, draft.channel, draft.message,
                    RegisterEntryForm.blankToNull(draft.targetCounty), draft.endsOn));
            Notices.success("campaigns.launched", draft.name);
            ReadModels.awaitChange(() -> queries.query(new FindCampaign(campaignId),
                    ResponseTypes.optionalInstanceOf(CampaignView.class)).join(), java.util.Optional::isPresent);
            getUI().ifPresent(ui -> ui.navigate(CampaignDetailView.class,
                    new RouteParameters("campaignId", campaignId)));
        } catch (DomainRuleViolation refusal) {
            Notices.refused(refusal);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PortalFormats.OFFICE_ZONE));
    }

    private String required(String fieldKey) {
        return getTranslation("validation.required", getTranslation(fieldKey));
    }

    private Validator<String> maxLength(String fieldKey, int max) {
        return Validator.from(value -> value == null || value.strip().length() <= max,
                getTranslation("validation.tooLong", getTranslation(fieldKey), max));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("campaigns.title") + " · " + getTranslation("app.name");
    }
}

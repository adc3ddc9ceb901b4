package cn.talentportal.portal.outreach;

import cn.talentportal.domain.outreach.OutreachCommands.CloseCampaign;
import cn.talentportal.domain.outreach.OutreachCommands.RecordOutreachContact;
import cn.talentportal.domain.outreach.OutreachResponse;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.ReadModels;
import cn.talentportal.projections.outreach.CampaignView;
import cn.talentportal.projections.outreach.OutreachQueries.CountRegisterEntries;
import cn.talentportal.projections.outreach.OutreachQueries.FindCampaign;
import cn.talentportal.projections.outreach.OutreachQueries.FindRegisterEntries;
import cn.talentportal.projections.outreach.OutreachQueries.FindTargetGroup;
import cn.talentportal.projections.outreach.OutreachQueries.RegisterFilter;
import cn.talentportal.projections.outreach.RegisterEntryView;
import cn.talentportal.projections.outreach.TargetGroup;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * One campaign: its target group with how many natives are excluded for lack of consent, the responses so far,
 * recording a contact (only natives of the target group who agreed to be contacted are offered; the register
 * entry refuses any other) and closing the campaign with a summary.
 */
@Route("outreach/campaigns/:campaignId")
@RolesAllowed(Role.RECRUITER_ROLE)
public class CampaignDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** What the contact form holds. */
    static final class ContactDraft {
        RegisterEntryView entry;
        OutreachResponse response;
        String notes = "";
    }

    private final Commands commands;
    private final QueryGateway queries;
    private CampaignView campaign;

    public CampaignDetailView(Commands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String campaignId = event.getRouteParameters().get("campaignId").orElse("");
        Optional<CampaignView> found = find(campaignId);
        removeAll();
        add(new RouterLink(getTranslation("campaigns.back"), CampaignsView.class));
        if (found.isEmpty()) {
            Paragraph notFound = new Paragraph(getTranslation("campaigns.notFound"));
            notFound.setId("campaign-not-found");
            add(notFound);
            return;
        }
        show(found.get());
    }

    private Optional<CampaignView> find(String campaignId) {
        return queries.query(new FindCampaign(campaignId), ResponseTypes.optionalInstanceOf(CampaignView.class))
                .join();
    }

    private void show(CampaignView shown) {
        campaign = shown;
        removeAll();
        add(new RouterLink(getTranslation("campaigns.back"), CampaignsView.class));
        H2 title = new H2(campaign.name());
        title.addClassName("portal-title");
        title.setId("campaign-title");
        Paragraph facts = new Paragraph(getTranslation("campaigns.facts",
                getTranslation("outreachChannel." + campaign.channel().name()),
                campaign.targetHometownCounty() == null ? getTranslation("campaigns.allCounties")
                        : campaign.targetHometownCounty(),
                OutreachDates.format(campaign.endsOn(), getLocale()),
                getTranslation(campaign.closed() ? "campaigns.closed" : "campaigns.open")));
        facts.setId("campaign-facts");
        Paragraph message = new Paragraph(campaign.message());
        message.addClassName("portal-muted");
        add(title, facts, message);

        TargetGroupSummary target = new TargetGroupSummary();
        target.setId("campaign-target");
        target.show(queries.query(new FindTargetGroup(campaign.targetHometownCounty()),
                ResponseTypes.instanceOf(TargetGroup.class)).join());
        add(new H3(getTranslation("campaigns.targetGroup")), target);

        add(new H3(getTranslation("campaigns.responses")), responses());
        if (campaign.closed()) {
            Paragraph summary = new Paragraph(getTranslation("campaigns.summaryShown", campaign.summary()));
            summary.setId("campaign-summary");
            add(summary);
        } else {
            add(new H3(getTranslation("campaigns.recordContact")), contactForm());
        }
        add(new H3(getTranslation("campaigns.contacts")), contacts());
        if (!campaign.closed()) {
            add(new H3(getTranslation("campaigns.close")), closeForm());
        }
    }

    private Div responses() {
        Map<OutreachResponse, Integer> counts = campaign.latestResponses();
        Div figures = new Div();
        figures.setId("campaign-responses");
        figures.addClassName("portal-figures");
        for (OutreachResponse response : OutreachResponse.values()) {
            Span value = new Span(String.valueOf(counts.getOrDefault(response, 0)));
            value.addClassName("portal-figure-value");
            value.setId("campaign-response-" + response.name());
            Span label = new Span(getTranslation("outreachResponse." + response.name()));
            label.addClassName("portal-muted");
            Div card = new Div(value, label);
            card.addClassName("portal-figure");
            figures.add(card);
        }
        return figures;
    }

    private VerticalLayout contactForm() {
        ContactDraft draft = new ContactDraft();
        Binder<ContactDraft> binder = new Binder<>();
        ComboBox<RegisterEntryView> entry = new ComboBox<>(getTranslation("campaigns.contactEntry"));
        entry.setId("contact-entry");
        entry.setItemLabelGenerator(e -> e.fullName() + " · " + e.currentCity()
                + (e.maskedPhone() == null ? "" : " · " + e.maskedPhone()));
        entry.setHelperText(getTranslation("campaigns.contactEntry.help"));
        // only who may be contacted is offered: the target group's natives who agreed to be contacted
        entry.setItems(query -> queries.query(new FindRegisterEntries(contactable(query.getFilter().orElse(null)),
                                query.getOffset(), query.getLimit()),
                        ResponseTypes.multipleInstancesOf(RegisterEntryView.class)).join().stream(),
                query -> Math.toIntExact(queries.query(
                        new CountRegisterEntries(contactable(query.getFilter().orElse(null))),
                        ResponseTypes.instanceOf(Long.class)).join()));
        Select<OutreachResponse> response = new Select<>();
        response.setId("contact-response");
        response.setLabel(getTranslation("outreach.response"));
        response.setItems(OutreachResponse.values());
        response.setItemLabelGenerator(r -> getTranslation("outreachResponse." + r.name()));
        TextArea notes = new TextArea(getTranslation("outreach.notes"));
        notes.setId("contact-notes");
        notes.setValueChangeMode(ValueChangeMode.EAGER);

        binder.forField(entry).asRequired(required("campaigns.contactEntry"))
                .bind(d -> d.entry, (d, v) -> d.entry = v);
        binder.forField(response).asRequired(required("outreach.response"))
                .bind(d -> d.response, (d, v) -> d.response = v);
        binder.forField(notes).withValidator(maxLength("outreach.notes", 1000))
                .bind(d -> d.notes, (d, v) -> d.notes = v);

        Button record = new Button(getTranslation("campaigns.recordContact"), e -> {
            if (!binder.writeBeanIfValid(draft)) {
                return;
            }
            try {
                int before = campaign.contacts().size();
                commands.send(new RecordOutreachContact(campaign.campaignId(), draft.entry.entryId(),
                        draft.response, RegisterEntryForm.blankToNull(draft.notes)));
                Notices.success("campaigns.contactRecorded", draft.entry.fullName(),
                        getTranslation("outreachResponse." + draft.response.name()));
                reload(c -> c.contacts().size() > before);
            } catch (DomainRuleViolation refusal) {
                entry.setInvalid(true);
                entry.setErrorMessage(Notices.reason(refusal));
                Notices.refused(refusal);
            }
        });
        record.setId("contact-record");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(entry, response, notes);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.setColspan(notes, 2);
        VerticalLayout section = new VerticalLayout(form, record);
        section.setPadding(false);
        return section;
    }

    private RegisterFilter contactable(String namePrefix) {
        return new RegisterFilter(campaign.targetHometownCounty(), null, true,
                RegisterEntryForm.blankToNull(namePrefix));
    }

    private Grid<CampaignView.Contact> contacts() {
        Grid<CampaignView.Contact> grid = new Grid<>();
        grid.setId("campaign-contacts");
        grid.addColumn(CampaignView.Contact::fullName).setHeader(getTranslation("outreach.fullName")).setKey("name");
        grid.addColumn(c -> getTranslation("outreachResponse." + c.response().name()))
                .setHeader(getTranslation("outreach.response")).setKey("response");
        grid.addColumn(CampaignView.Contact::notes).setHeader(getTranslation("outreach.notes")).setKey("notes")
                .setFlexGrow(2);
        grid.setEmptyStateText(getTranslation("campaigns.noContacts"));
        grid.setAllRowsVisible(true);
        grid.setItems(campaign.contacts().reversed());
        return grid;
    }

    private VerticalLayout closeForm() {
        TextArea summary = new TextArea(getTranslation("outreach.summary"));
        summary.setId("campaign-summary-input");
        summary.setWidthFull();
        summary.setMaxLength(2000);
        summary.setValueChangeMode(ValueChangeMode.EAGER);
        Binder<String[]> binder = new Binder<>();
        String[] holder = {""};
        binder.forField(summary).asRequired(required("outreach.summary"))
                .bind(h -> h[0], (h, v) -> h[0] = v);
        Button close = new Button(getTranslation("campaigns.close"), e -> {
            if (!binder.writeBeanIfValid(holder)) {
                return;
            }
            try {
                commands.send(new CloseCampaign(campaign.campaignId(), holder[0]), holder[0]);
                Notices.success("campaigns.closedDone", campaign.name());
                reload(CampaignView::closed);
            } catch (DomainRuleViolation refusal) {
                summary.setInvalid(true);
                summary.setErrorMessage(Notices.reason(refusal));
            }
        });
        close.setId("campaign-close");
        close.addThemeVariants(ButtonVariant.LUMO_ERROR);
        VerticalLayout section = new VerticalLayout(summary, close);
        section.setPadding(false);
        return section;
    }

    /** Shows the campaign again once this user's own change has reached the read model. */
    private void reload(Predicate<CampaignView> changed) {
        String campaignId = campaign.campaignId();
        ReadModels.awaitChange(() -> find(campaignId), found -> found.filter(changed).isPresent())
                .ifPresent(this::show);
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
        return (campaign == null ? getTranslation("campaigns.title") : campaign.name()) + " · "
                + getTranslation("app.name");
    }
}

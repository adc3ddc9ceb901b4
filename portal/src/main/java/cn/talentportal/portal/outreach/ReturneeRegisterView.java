package cn.talentportal.portal.outreach;

import cn.talentportal.domain.outreach.ReturneeRegisterCommands.AddToReturneeRegister;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.GiveContactConsent;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.UpdateRegisterEntry;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.WithdrawContactConsent;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.portal.reference.Towns;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.ReadModels;
import cn.talentportal.projections.outreach.OutreachQueries.CountRegisterEntries;
import cn.talentportal.projections.outreach.OutreachQueries.FindProfessionalFields;
import cn.talentportal.projections.outreach.OutreachQueries.FindRegisterEntries;
import cn.talentportal.projections.outreach.OutreachQueries.FindRegisterEntry;
import cn.talentportal.projections.outreach.OutreachQueries.RegisterFilter;
import cn.talentportal.projections.outreach.RegisterEntryView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * The register of natives working elsewhere (返乡人才库), kept by the office for every recruiter: a lazy list filtered
 * by hometown, field and consent, with phone and email masked; add an entry, change where a native works now, and
 * record consent given or withdrawn.
 */
@Route("outreach/register")
@RolesAllowed(Role.RECRUITER_ROLE)
public class ReturneeRegisterView extends VerticalLayout implements HasDynamicTitle {

    private final Commands commands;
    private final QueryGateway queries;
    private final Towns towns;
    private final Grid<RegisterEntryView> grid = new Grid<>();
    private final ComboBox<String> countyFilter = new ComboBox<>();
    private final ComboBox<String> fieldFilter = new ComboBox<>();
    private final Select<Boolean> consentFilter = new Select<>();
    private final TextField nameFilter = new TextField();

    public ReturneeRegisterView(Commands commands, QueryGateway queries, Towns towns) {
        this.towns = towns;
        this.commands = commands;
        this.queries = queries;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("outreachRegister.title"));
        title.addClassName("portal-title");

        Button add = new Button(getTranslation("outreachRegister.add"), e -> openForm(null));
        add.setId("register-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("register-entries");
        grid.addColumn(RegisterEntryView::fullName).setHeader(getTranslation("outreach.fullName")).setKey("name")
                .setAutoWidth(true);
        grid.addColumn(RegisterEntryView::hometownCounty).setHeader(getTranslation("outreach.hometownCounty"))
                .setKey("hometown");
        grid.addColumn(RegisterEntryView::currentCity).setHeader(getTranslation("outreach.currentCity"))
                .setKey("city");
        grid.addColumn(RegisterEntryView::currentEmployer).setHeader(getTranslation("outreach.currentEmployer"))
                .setKey("employer");
        grid.addColumn(RegisterEntryView::professionalField)
                .setHeader(getTranslation("outreach.professionalField")).setKey("field");
        grid.addColumn(RegisterEntryView::maskedPhone).setHeader(getTranslation("outreachRegister.phone"))
                .setKey("phone").setAutoWidth(true);
        grid.addColumn(RegisterEntryView::maskedEmail).setHeader(getTranslation("outreachRegister.email"))
                .setKey("email");
        grid.addColumn(entry -> getTranslation(entry.converted() ? "outreachRegister.converted"
                        : entry.contactConsent() ? "outreachRegister.consent.yes" : "outreachRegister.consent.no"))
                .setHeader(getTranslation("outreachRegister.consent")).setKey("consent");
        grid.addComponentColumn(this::actions).setHeader(getTranslation("grid.actions")).setKey("actions")
                .setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("outreachRegister.none"));
        grid.setItems(query -> queries.query(new FindRegisterEntries(filter(), query.getOffset(), query.getLimit()),
                        ResponseTypes.multipleInstancesOf(RegisterEntryView.class)).join().stream(),
                query -> Math.toIntExact(count()));

        add(title, filters(), add, grid);
    }

    private FlexLayout filters() {
        countyFilter.setId("register-filter-county");
        countyFilter.setLabel(getTranslation("outreach.hometownCounty"));
        List<String> counties = new ArrayList<>(towns.all());
        countyFilter.setItemLabelGenerator(t -> towns.label(t, getLocale()));
        countyFilter.setItems(counties);
        countyFilter.setClearButtonVisible(true);
        // natives of counties outside the district's list are on the register too: typed, then offered
        countyFilter.setAllowCustomValue(true);
        countyFilter.addCustomValueSetListener(e -> {
            if (!counties.contains(e.getDetail())) {
                counties.add(e.getDetail());
                countyFilter.setItems(counties);
            }
            countyFilter.setValue(e.getDetail());
        });
        fieldFilter.setId("register-filter-field");
        fieldFilter.setLabel(getTranslation("outreach.professionalField"));
        fieldFilter.setItems(professionalFields());
        fieldFilter.setClearButtonVisible(true);
        consentFilter.setId("register-filter-consent");
        consentFilter.setLabel(getTranslation("outreachRegister.consent"));
        consentFilter.setItems(Boolean.TRUE, Boolean.FALSE);
        consentFilter.setEmptySelectionAllowed(true);
        consentFilter.setEmptySelectionCaption(getTranslation("outreachRegister.consent.all"));
        consentFilter.setItemLabelGenerator(consent -> consent == null ? getTranslation("outreachRegister.consent.all")
                : getTranslation(consent ? "outreachRegister.consent.yes" : "outreachRegister.consent.no"));
        nameFilter.setId("register-filter-name");
        nameFilter.setLabel(getTranslation("outreachRegister.nameStarts"));
        nameFilter.setValueChangeMode(ValueChangeMode.LAZY);
        nameFilter.setClearButtonVisible(true);
        countyFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        fieldFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        consentFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        nameFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        FlexLayout filters = new FlexLayout(nameFilter, countyFilter, fieldFilter, consentFilter);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("portal-filters");
        return filters;
    }

    private RegisterFilter filter() {
        return new RegisterFilter(countyFilter.getValue(), fieldFilter.getValue(), consentFilter.getValue(),
                RegisterEntryForm.blankToNull(nameFilter.getValue()));
    }

    private long count() {
        return queries.query(new CountRegisterEntries(filter()), ResponseTypes.instanceOf(Long.class)).join();
    }

    private List<String> professionalFields() {
        return queries.query(new FindProfessionalFields(), ResponseTypes.multipleInstancesOf(String.class)).join();
    }

    private HorizontalLayout actions(RegisterEntryView entry) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
        if (entry.converted()) {
            return actions; // a candidate now: changed in the candidate's own record
        }
        Button edit = new Button(getTranslation("outreachRegister.edit"), e -> openForm(entry));
        edit.setId("register-edit-" + entry.entryId());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button consent = entry.contactConsent()
                ? new Button(getTranslation("outreachRegister.withdraw"), e -> askWithdrawal(entry))
                : new Button(getTranslation("outreachRegister.giveConsent"), e -> askConsent(entry));
        consent.setId((entry.contactConsent() ? "register-withdraw-" : "register-give-consent-") + entry.entryId());
        consent.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        actions.add(edit, consent);
        return actions;
    }

    /** Add ({@code existing} null) or edit; the dialog stays open with what was typed when refused. */
    private void openForm(RegisterEntryView existing) {
        RegisterEntryForm form = new RegisterEntryForm(existing, professionalFields(), towns);
        Dialog dialog = new Dialog();
        dialog.setId("register-dialog");
        dialog.setHeaderTitle(getTranslation(existing == null ? "outreachRegister.add" : "outreachRegister.edit"));
        dialog.add(form);
        Button save = new Button(getTranslation("outreachRegister.save"), e -> {
            RegisterEntryForm.Draft draft = form.validDraft();
            if (draft == null) {
                return; // the fields show what is wrong
            }
            try {
                String entryId = existing == null ? add(draft) : update(existing, draft);
                Notices.success(existing == null ? "outreachRegister.added" : "outreachRegister.updated",
                        draft.fullName);
                dialog.close();
                fieldFilter.setItems(professionalFields());
                awaitEntry(entryId, entry -> existing == null
                        || !Objects.equals(entry.currentCity(), existing.currentCity())
                        || !Objects.equals(entry.currentEmployer(), existing.currentEmployer())
                        || !Objects.equals(entry.professionalField(), existing.professionalField()));
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
            }
        });
        save.setId("register-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private String add(RegisterEntryForm.Draft draft) {
        String entryId = UUID.randomUUID().toString();
        String phone = RegisterEntryForm.blankToNull(draft.phone);
        String email = RegisterEntryForm.blankToNull(draft.email);
        commands.send(new AddToReturneeRegister(entryId, draft.fullName, draft.hometownCounty, draft.currentCity,
                RegisterEntryForm.blankToNull(draft.currentEmployer),
                RegisterEntryForm.blankToNull(draft.professionalField),
                phone == null ? null : new PhoneNumber(phone), email == null ? null : new EmailAddress(email),
                draft.contactConsent));
        return entryId;
    }

    private String update(RegisterEntryView existing, RegisterEntryForm.Draft draft) {
        commands.send(new UpdateRegisterEntry(existing.entryId(), draft.currentCity,
                RegisterEntryForm.blankToNull(draft.currentEmployer),
                RegisterEntryForm.blankToNull(draft.professionalField)));
        return existing.entryId();
    }

    private void askConsent(RegisterEntryView entry) {
        TextField how = new TextField(getTranslation("outreach.channelNote"));
        how.setId("consent-note");
        how.setWidthFull();
        how.setMaxLength(200);
        how.setHelperText(getTranslation("outreachRegister.consentNote.help"));
        confirm(getTranslation("outreachRegister.giveConsentTitle", entry.fullName()), how,
                getTranslation("outreachRegister.giveConsent"), () -> {
                    commands.send(new GiveContactConsent(entry.entryId(), how.getValue()));
                    Notices.success("outreachRegister.consentGiven.done", entry.fullName());
                    awaitEntry(entry.entryId(), RegisterEntryView::contactConsent);
                });
    }

    private void askWithdrawal(RegisterEntryView entry) {
        TextField reason = new TextField(getTranslation("outreach.withdrawalReason"));
        reason.setId("withdrawal-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        confirm(getTranslation("outreachRegister.withdrawTitle", entry.fullName()), reason,
                getTranslation("outreachRegister.withdraw"), () -> {
                    commands.send(new WithdrawContactConsent(entry.entryId(),
                            RegisterEntryForm.blankToNull(reason.getValue())), reason.getValue());
                    Notices.success("outreachRegister.withdrawn", entry.fullName());
                    awaitEntry(entry.entryId(), e -> !e.contactConsent());
                });
    }

    /** A confirm dialog whose action may be refused: the reason is shown and the dialog keeps what was typed. */
    private void confirm(String header, TextField field, String confirmText, Runnable action) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(header);
        dialog.add(field);
        Button ok = new Button(confirmText, e -> {
            try {
                action.run();
                dialog.close();
            } catch (DomainRuleViolation refusal) {
                field.setInvalid(true);
                field.setErrorMessage(Notices.reason(refusal));
            }
        });
        ok.setId("consent-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    /** Shows the list once this user's own change has reached the read model, which follows the store. */
    private void awaitEntry(String entryId, Predicate<RegisterEntryView> changed) {
        ReadModels.awaitChange(() -> queries.query(new FindRegisterEntry(entryId),
                        ResponseTypes.optionalInstanceOf(RegisterEntryView.class)).join(),
                (Optional<RegisterEntryView> entry) -> entry.filter(changed).isPresent());
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("outreachRegister.title") + " · " + getTranslation("app.name");
    }
}

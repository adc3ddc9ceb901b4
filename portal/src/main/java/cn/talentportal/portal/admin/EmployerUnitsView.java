package cn.talentportal.portal.admin;

import cn.talentportal.domain.employer.EmployerCommands.AssignRecruiter;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.reference.Towns;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.portal.shared.ReadModels;
import cn.talentportal.projections.employer.EmployerQueries.FindAllEmployerUnits;
import cn.talentportal.projections.employer.EmployerUnitView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/** Administrators create employer units and recruiter accounts for them. */
@Route("admin/employer-units")
@RolesAllowed(Role.ADMIN_ROLE)
public class EmployerUnitsView extends VerticalLayout implements HasDynamicTitle {

    private final Commands commands;
    private final QueryGateway queries;
    private final UserAccounts accounts;
    private final Towns towns;
    private final Grid<EmployerUnitView> grid = new Grid<>();
    private final ComboBox<EmployerUnitView> recruiterUnit = new ComboBox<>();

    public EmployerUnitsView(Commands commands, QueryGateway queries, UserAccounts accounts, Towns towns) {
        this.towns = towns;
        this.commands = commands;
        this.queries = queries;
        this.accounts = accounts;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("employerUnits.title"));
        title.addClassName("portal-title");

        grid.setId("employer-units");
        grid.addColumn(EmployerUnitView::name).setHeader(getTranslation("employer.name")).setFlexGrow(2);
        grid.addColumn(u -> getTranslation("employerType." + u.type().name())).setHeader(getTranslation("employer.type"));
        grid.addColumn(u -> towns.label(u.county(), getLocale())).setHeader(getTranslation("employer.county"));
        grid.addColumn(u -> getTranslation("sector." + u.sector().name())).setHeader(getTranslation("employer.sector"));
        grid.addColumn(u -> PortalFormats.list(u.recruiters().stream().map(EmployerUnitView.Recruiter::name).toList(),
                getLocale())).setHeader(getTranslation("employer.recruiters")).setFlexGrow(2);
        grid.setAllRowsVisible(true);

        add(title, grid, unitForm(), recruiterForm());
        refresh(units -> true);
    }

    private VerticalLayout unitForm() {
        TextField name = new TextField(getTranslation("employer.name"));
        name.setId("unit-name");
        name.setMaxLength(100);
        Select<EmployerType> type = new Select<>();
        type.setLabel(getTranslation("employer.type"));
        type.setId("unit-type");
        type.setItems(EmployerType.values());
        type.setItemLabelGenerator(t -> getTranslation("employerType." + t.name()));
        ComboBox<String> county = new ComboBox<>(getTranslation("employer.county"), towns.all());
        county.setItemLabelGenerator(t -> towns.label(t, getLocale()));
        county.setId("unit-county");
        Select<Sector> sector = new Select<>();
        sector.setLabel(getTranslation("employer.sector"));
        sector.setId("unit-sector");
        sector.setItems(Sector.values());
        sector.setItemLabelGenerator(s -> getTranslation("sector." + s.name()));
        Button create = new Button(getTranslation("employerUnits.create"), e -> {
            try {
                String unitId = UUID.randomUUID().toString();
                commands.send(new CreateEmployerUnit(unitId, name.getValue(), type.getValue(),
                        county.getValue(), sector.getValue()));
                Notices.success("employerUnits.created", name.getValue());
                name.clear();
                refresh(units -> units.stream().anyMatch(u -> u.employerUnitId().equals(unitId)));
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
            }
        });
        create.setId("unit-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, type, county, sector);
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("employerUnits.new")), form, create);
        section.setPadding(false);
        return section;
    }

    private VerticalLayout recruiterForm() {
        recruiterUnit.setLabel(getTranslation("employerUnits.recruiterUnit"));
        recruiterUnit.setId("recruiter-unit");
        recruiterUnit.setItemLabelGenerator(EmployerUnitView::name);
        TextField displayName = new TextField(getTranslation("recruiter.name"));
        displayName.setId("recruiter-name");
        TextField username = new TextField(getTranslation("account.username"));
        username.setId("recruiter-username");
        PasswordField password = new PasswordField(getTranslation("account.password"));
        password.setId("recruiter-password");
        // interview invitations and reminders go to this address (recruiters sit on panels)
        EmailField email = new EmailField(getTranslation("recruiter.email"));
        email.setId("recruiter-email");
        email.setRequiredIndicatorVisible(true);
        email.setHelperText(getTranslation("recruiter.email.help"));
        password.setHelperText(getTranslation("account.password.help"));
        Button create = new Button(getTranslation("employerUnits.createRecruiter"), e -> {
            try {
                EmployerUnitView unit = recruiterUnit.getValue();
                if (unit == null) {
                    throw new DomainRuleViolation("validation.required", "employerUnits.recruiterUnit");
                }
                EmailAddress address = new EmailAddress(email.getValue());
                String userId = UUID.randomUUID().toString();
                // the account first: its unique key settles a race for the name before anything is recorded
                accounts.create(userId, username.getValue(), password.getValue(), Role.RECRUITER,
                        displayName.getValue() == null ? "" : displayName.getValue().strip(), unit.employerUnitId(), null);
                try {
                    accounts.setEmail(username.getValue(), address.value());
                    commands.send(new AssignRecruiter(unit.employerUnitId(), userId, displayName.getValue()));
                } catch (RuntimeException refused) {
                    accounts.delete(username.getValue());
                    throw refused;
                }
                Notices.success("employerUnits.recruiterCreated", displayName.getValue(), unit.name());
                username.clear();
                password.clear();
                email.clear();
                displayName.clear();
                refresh(units -> units.stream().anyMatch(u -> u.employerUnitId().equals(unit.employerUnitId())
                        && u.recruiters().stream().anyMatch(r -> r.userId().equals(userId))));
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
            }
        });
        create.setId("recruiter-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(recruiterUnit, displayName, username, password, email);
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("employerUnits.newRecruiter")), form, create);
        section.setPadding(false);
        return section;
    }

    /** Shows the units, after this user's own change has reached the read model (it follows the store). */
    private void refresh(Predicate<List<EmployerUnitView>> changed) {
        List<EmployerUnitView> units = ReadModels.awaitChange(() -> queries.query(new FindAllEmployerUnits(),
                ResponseTypes.multipleInstancesOf(EmployerUnitView.class)).join(), changed);
        grid.setItems(units);
        recruiterUnit.setItems(units);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("employerUnits.title") + " · " + getTranslation("app.name");
    }
}

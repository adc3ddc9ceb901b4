package cn.talentportal.portal.admin.users;

import cn.talentportal.domain.employer.EmployerCommands.AssignRecruiter;
import cn.talentportal.domain.employer.EmployerCommands.RemoveRecruiter;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.projections.employer.EmployerQueries.FindAllEmployerUnits;
import cn.talentportal.projections.employer.EmployerUnitView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Administrators manage accounts: a lazy list, new accounts of the office's roles (a recruiter's with their
 * employer unit), role changes (with a reason: moving a recruiter is recorded on the units), disabling and enabling
 * (a disabled account cannot sign in) and password resets under the password rule. Candidates register themselves,
 * so their accounts keep their role. An administrator cannot disable or demote themselves: the office would risk
 * having no administrator left.
 */
@Route("admin/users")
@RolesAllowed(Role.ADMIN_ROLE)
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    /** The roles an administrator gives; candidate accounts come from registration. */
    static final List<Role> OFFICE_ROLES = List.of(Role.RECRUITER, Role.SPECIALIST, Role.AUDITOR, Role.ADMIN);

    /** What the new-account form holds. */
    static final class NewAccount {
        String displayName = "";
        String username = "";
        String password = "";
        Role role;
        EmployerUnitView unit;
        String email = "";
    }

    private final Commands commands;
    private final QueryGateway queries;
    private final UserAccounts accounts;
    /** The units as of the last page of the list: units are created while this page is open. */
    private Map<String, String> unitNames = Map.of();
    private final UserAccount administrator = CurrentUser.require();
    private final Grid<UserRow> grid = new Grid<>();

    public UsersView(Commands commands, QueryGateway queries, UserAccounts accounts) {
        this.commands = commands;
        this.queries = queries;
        this.accounts = accounts;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("users.title"));
        title.addClassName("portal-title");

        grid.setId("users");
        grid.addColumn(row -> row.account().username()).setHeader(getTranslation("account.username"))
                .setKey("username").setAutoWidth(true);
        grid.addColumn(row -> row.account().displayName()).setHeader(getTranslation("users.displayName"))
                .setKey("name");
        grid.addColumn(row -> getTranslation("role." + row.account().role().name()))
                .setHeader(getTranslation("users.role")).setKey("role");
        grid.addColumn(row -> unitNames.getOrDefault(row.account().employerUnitId(), ""))
                .setHeader(getTranslation("users.unit")).setKey("unit");
        grid.addColumn(row -> getTranslation(row.enabled() ? "users.enabled" : "users.disabled"))
                .setHeader(getTranslation("users.status")).setKey("status");
        grid.addComponentColumn(this::actions).setHeader(getTranslation("grid.actions")).setKey("actions")
                .setAutoWidth(true);
        grid.setItems(query -> {
            unitNames = units().stream().collect(Collectors.toMap(EmployerUnitView::employerUnitId,
                    EmployerUnitView::name, (a, b) -> a));
            List<UserAccount> page = accounts.page(query.getOffset(), query.getLimit());
            Set<String> disabled = accounts.disabledAmong(page.stream().map(UserAccount::username).toList());
            return page.stream().map(a -> new UserRow(a, !disabled.contains(a.username())));
        }, query -> Math.toIntExact(accounts.count()));

        Details create = new Details(getTranslation("users.new"), createForm());
        create.setId("user-new-section");
        add(title, create, grid);
    }

    private VerticalLayout createForm() {
        NewAccount draft = new NewAccount();
        Binder<NewAccount> binder = new Binder<>();
        TextField displayName = text("user-display-name", "users.displayName");
        TextField username = text("user-username", "account.username");
        PasswordField password = new PasswordField(getTranslation("account.password"));
        password.setId("user-password");
        password.setValueChangeMode(ValueChangeMode.EAGER);
        password.setHelperText(getTranslation("account.password.help"));
        Select<Role> role = roleSelect("user-role");
        ComboBox<EmployerUnitView> unit = unitBox("user-unit");
        EmailField email = new EmailField(getTranslation("recruiter.email"));
        email.setId("user-email");
        email.setValueChangeMode(ValueChangeMode.EAGER);
        email.setHelperText(getTranslation("recruiter.email.help"));
        role.addValueChangeListener(e -> unit.setVisible(e.getValue() == Role.RECRUITER));
        unit.setVisible(false);

        binder.forField(displayName).asRequired(required("users.displayName"))
                .bind(d -> d.displayName, (d, v) -> d.displayName = v);
        binder.forField(username).asRequired(required("account.username")).withValidator(usernameRule())
                .bind(d -> d.username, (d, v) -> d.username = v);
        binder.forField(password).asRequired(required("account.password")).withValidator(passwordRule())
                .bind(d -> d.password, (d, v) -> d.password = v);
        binder.forField(role).asRequired(required("users.role")).bind(d -> d.role, (d, v) -> d.role = v);
        binder.forField(unit)
                .withValidator((value, context) -> role.getValue() != Role.RECRUITER || value != null
                        ? ValidationResult.ok() : ValidationResult.error(required("users.unit")))
                .bind(d -> d.unit, (d, v) -> d.unit = v);
        binder.forField(email).withValidator(emailRule(role))
                .bind(d -> d.email, (d, v) -> d.email = v);

        Button create = new Button(getTranslation("users.create"), e -> {
            if (!binder.writeBeanIfValid(draft)) {
                return;
            }
            try {
                create(draft);
                Notices.success("users.created", draft.displayName, getTranslation("role." + draft.role.name()));
                binder.readBean(new NewAccount());
                unit.setVisible(false);
                grid.getDataProvider().refreshAll();
            } catch (DomainRuleViolation refusal) {
                if (refusal.messageKey().startsWith("account.username")) {
                    username.setInvalid(true);
                    username.setErrorMessage(Notices.reason(refusal));
                } else {
                    Notices.refused(refusal);
                }
            }
        });
        create.setId("user-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(displayName, username, password, role, unit, email);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        VerticalLayout section = new VerticalLayout(form, create);
        section.setPadding(false);
        return section;
    }

    /** The account first: its unique key settles a race for the name before anything is recorded. */
    private void create(NewAccount draft) {
        String userId = UUID.randomUUID().toString();
        String unitId = draft.role == Role.RECRUITER ? draft.unit.employerUnitId() : null;
        accounts.create(userId, draft.username, draft.password, draft.role, draft.displayName.strip(), unitId, null);
        try {
            if (!draft.email.isBlank()) {
                accounts.setEmail(draft.username, draft.email);
            }
            if (draft.role == Role.RECRUITER) {
                commands.send(new AssignRecruiter(unitId, userId, draft.displayName.strip()));
            }
        } catch (RuntimeException refused) {
            accounts.delete(draft.username);
            throw refused;
        }
    }

    private HorizontalLayout actions(UserRow row) {
        UserAccount account = row.account();
        HorizontalLayout actions = new HorizontalLayout();
        actions.getStyle().set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)");
        actions.setSpacing(false);
        Button role = small(getTranslation("users.changeRole"), "user-change-role-" + account.username(),
                () -> changeRoleDialog(account));
        Button enable = small(getTranslation(row.enabled() ? "users.disable" : "users.enable"),
                "user-toggle-" + account.username(), () -> setEnabled(account, !row.enabled()));
        if (row.enabled()) {
            enable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Button password = small(getTranslation("users.resetPassword"), "user-reset-password-" + account.username(),
                () -> resetPasswordDialog(account));
        actions.add(role, enable, password);
        return actions;
    }

    private Button small(String text, String id, Runnable action) {
        Button button = new Button(text, e -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void setEnabled(UserAccount account, boolean enabled) {
        try {
            if (!enabled && isSelf(account)) {
                throw new DomainRuleViolation("users.cannotDisableSelf");
            }
            accounts.setEnabled(account.username(), enabled);
            Notices.success(enabled ? "users.enabledDone" : "users.disabledDone", account.username());
            grid.getDataProvider().refreshAll();
        } catch (DomainRuleViolation refusal) {
            Notices.refused(refusal);
        }
    }

    private void changeRoleDialog(UserAccount account) {
        Dialog dialog = new Dialog();
        dialog.setId("user-role-dialog");
        dialog.setHeaderTitle(getTranslation("users.changeRoleTitle", account.username()));
        Select<Role> role = roleSelect("user-new-role");
        role.setValue(OFFICE_ROLES.contains(account.role()) ? account.role() : null);
        ComboBox<EmployerUnitView> unit = unitBox("user-new-unit");
        unit.getListDataView().getItems()
                .filter(u -> u.employerUnitId().equals(account.employerUnitId())).findFirst()
                .ifPresent(unit::setValue);
        unit.setVisible(role.getValue() == Role.RECRUITER);
        role.addValueChangeListener(e -> unit.setVisible(e.getValue() == Role.RECRUITER));
        TextField reason = text("user-role-reason", "users.reason");
        Binder<Object> binder = new Binder<>();
        binder.forField(role).asRequired(required("users.role")).bind(o -> role.getValue(), (o, v) -> { });
        binder.forField(unit)
                .withValidator((value, context) -> role.getValue() != Role.RECRUITER || value != null
                        ? ValidationResult.ok() : ValidationResult.error(required("users.unit")))
                .bind(o -> unit.getValue(), (o, v) -> { });
        binder.forField(reason).asRequired(required("users.reason")).bind(o -> reason.getValue(), (o, v) -> { });
        FormLayout form = new FormLayout(role, unit, reason);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        Button save = new Button(getTranslation("users.changeRole"), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                changeRole(account, role.getValue(), unit.getValue(), reason.getValue());
                Notices.success("users.roleChanged", account.username(),
                        getTranslation("role." + role.getValue().name()));
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
            }
        });
        save.setId("user-role-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /**
     * The units' recruiter lists follow the account: a recruiter joins the new unit and leaves the old one (with
     * the reason, for auditors) before the account changes, so a refusal leaves the account as it was.
     */
    private void changeRole(UserAccount account, Role role, EmployerUnitView unit, String reason) {
        if (isSelf(account)) {
            throw new DomainRuleViolation("users.cannotChangeOwnRole");
        }
        if (account.role() == Role.CANDIDATE) {
            throw new DomainRuleViolation("users.candidateRoleFixed");
        }
        String newUnitId = role == Role.RECRUITER ? unit.employerUnitId() : null;
        String oldUnitId = account.role() == Role.RECRUITER ? account.employerUnitId() : null;
        if (role == account.role() && Objects.equals(newUnitId, oldUnitId)) {
            throw new DomainRuleViolation("users.roleUnchanged");
        }
        if (newUnitId != null && !newUnitId.equals(oldUnitId)) {
            commands.send(new AssignRecruiter(newUnitId, account.userId(), account.displayName()), reason);
        }
        if (oldUnitId != null && !oldUnitId.equals(newUnitId)) {
            try {
                commands.send(new RemoveRecruiter(oldUnitId, account.userId(), reason), reason);
            } catch (DomainRuleViolation refusal) {
                if (!"employer.recruiter.notAssigned".equals(refusal.messageKey())) {
                    throw refusal; // not on the unit's list: nothing to remove
                }
            }
        }
        accounts.changeRole(account.username(), role, newUnitId);
    }

    private void resetPasswordDialog(UserAccount account) {
        Dialog dialog = new Dialog();
        dialog.setId("user-password-dialog");
        dialog.setHeaderTitle(getTranslation("users.resetPasswordTitle", account.username()));
        PasswordField password = new PasswordField(getTranslation("users.newPassword"));
        password.setId("user-new-password");
        password.setValueChangeMode(ValueChangeMode.EAGER);
        password.setHelperText(getTranslation("account.password.help"));
        password.setWidthFull();
        Binder<Object> binder = new Binder<>();
        binder.forField(password).asRequired(required("users.newPassword")).withValidator(passwordRule())
                .bind(o -> password.getValue(), (o, v) -> { });
        dialog.add(password);
        Button save = new Button(getTranslation("users.resetPassword"), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                accounts.resetPassword(account.username(), password.getValue());
                Notices.success("users.passwordReset", account.username());
                dialog.close();
            } catch (DomainRuleViolation refusal) {
                password.setInvalid(true);
                password.setErrorMessage(Notices.reason(refusal));
            }
        });
        save.setId("user-password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private boolean isSelf(UserAccount account) {
        return account.username().equals(administrator.username());
    }

    private Select<Role> roleSelect(String id) {
        Select<Role> role = new Select<>();
        role.setId(id);
        role.setLabel(getTranslation("users.role"));
        role.setItems(OFFICE_ROLES);
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        return role;
    }

    private ComboBox<EmployerUnitView> unitBox(String id) {
        ComboBox<EmployerUnitView> unit = new ComboBox<>(getTranslation("users.unit"));
        unit.setId(id);
        unit.setItems(units());
        unit.setItemLabelGenerator(EmployerUnitView::name);
        return unit;
    }

    private List<EmployerUnitView> units() {
        return queries.query(new FindAllEmployerUnits(), ResponseTypes.multipleInstancesOf(EmployerUnitView.class))
                .join();
    }

    private TextField text(String id, String labelKey) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setValueChangeMode(ValueChangeMode.EAGER);
        return field;
    }

    private String required(String fieldKey) {
        return getTranslation("validation.required", getTranslation(fieldKey));
    }

    /** The username part of the account rule; the password given is one the rule accepts. */
    private Validator<String> usernameRule() {
        return rule(value -> {
            UserAccounts.validate(value, "password2026");
            return null;
        });
    }

    /** The password rule of {@link UserAccounts#validate}; the username given is one the rule accepts. */
    private Validator<String> passwordRule() {
        return rule(value -> {
            UserAccounts.validate("username", value);
            return null;
        });
    }

    /** Optional for most roles; a recruiter receives interview invitations there, so theirs is required. */
    private Validator<String> emailRule(Select<Role> role) {
        return (value, context) -> {
            if (value == null || value.isBlank()) {
                return role.getValue() == Role.RECRUITER ? ValidationResult.error(required("recruiter.email"))
                        : ValidationResult.ok();
            }
            try {
                new EmailAddress(value);
                return ValidationResult.ok();
            } catch (DomainRuleViolation refusal) {
                return ValidationResult.error(Notices.reason(refusal));
            }
        };
    }

    private Validator<String> rule(Function<String, Void> check) {
        return (value, context) -> {
            if (value == null || value.isEmpty()) {
                return ValidationResult.ok(); // asRequired says so
            }
            try {
                check.apply(value);
                return ValidationResult.ok();
            } catch (DomainRuleViolation refusal) {
                return ValidationResult.error(Notices.reason(refusal));
            }
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · " + getTranslation("app.name");
    }
}

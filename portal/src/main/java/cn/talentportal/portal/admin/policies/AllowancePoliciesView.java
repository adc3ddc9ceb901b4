package cn.talentportal.portal.admin.policies;

import cn.talentportal.domain.retention.AllowancePolicyCommands.PublishAllowancePolicy;
import cn.talentportal.domain.retention.AllowancePolicyCommands.ReviseAllowancePolicy;
import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.retention.RetentionFormats;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.ReadModels;
import cn.talentportal.projections.retention.AllowancePolicyView;
import cn.talentportal.projections.retention.RetentionQueries.FindAllowancePolicies;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * The district's allowance policies as reference data: publish one with its monthly caps, revise it with a new
 * version that takes effect later (with the reason). Every version stays, with the dates it is valid: an allowance
 * is judged by the version in force when the talent signed.
 */
@Route("admin/policies")
@RolesAllowed(Role.ADMIN_ROLE)
public class AllowancePoliciesView extends VerticalLayout implements HasDynamicTitle {

    private final QueryGateway queries;
    private final Commands commands;
    private final Grid<AllowancePolicyView> grid = new Grid<>();

    public AllowancePoliciesView(QueryGateway queries, Commands commands) {
        this.queries = queries;
        this.commands = commands;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("policies.title"));
        title.addClassName("portal-title");
        Details publish = new Details(getTranslation("policies.publish"), publishForm());
        publish.setId("publish-policy");

        grid.setId("allowance-policies");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // long texts wrap on a phone
        grid.addColumn(AllowancePolicyView::name).setHeader(getTranslation("retention.policy.name"));
        grid.addComponentColumn(this::versions).setKey("versions").setHeader(getTranslation("policies.versions"))
                .setFlexGrow(3);
        grid.addComponentColumn(p -> {
            Button revise = new Button(getTranslation("policies.revise"), e -> reviseDialog(p).open());
            revise.setId("revise-" + p.policyId());
            revise.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return revise;
        }).setKey("actions").setHeader(getTranslation("grid.actions")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("policies.none"));
        grid.setAllRowsVisible(true);
        add(title, publish, grid);
        grid.setItems(policies());
    }

    private Component versions(AllowancePolicyView policy) {
        Div cell = new Div();
        for (AllowancePolicyView.Version version : policy.versions()) {
            String validity = version.validUntil() == null
                    ? getTranslation("policies.validFrom", RetentionFormats.date(version.effectiveFrom(), getLocale()))
                    : getTranslation("policies.validBetween",
                    RetentionFormats.date(version.effectiveFrom(), getLocale()),
                    RetentionFormats.date(version.validUntil(), getLocale()));
            String caps = version.monthlyCaps().entrySet().stream()
                    .map(cap -> getTranslation("policies.cap", getTranslation("allowanceType." + cap.getKey().name()),
                            cap.getValue()))
                    .collect(Collectors.joining(getLocale().getLanguage().equals("zh") ? "，" : ", "));
            Div line = new Div(getTranslation("policies.version", version.version(), validity, caps)
                    + (version.reason() == null ? "" : " · " + version.reason()));
            line.setId("policy-" + policy.policyId() + "-v" + version.version());
            cell.add(line);
        }
        return cell;
    }

    private VerticalLayout publishForm() {
        Binder<PolicyDraft> binder = new Binder<>();
        TextField name = new TextField(getTranslation("retention.policy.name"));
        name.setId("policy-name");
        name.setMaxLength(100);
        binder.forField(name).asRequired(required("retention.policy.name")).bind(d -> d.name, (d, v) -> d.name = v);
        FormLayout form = new FormLayout(name);
        versionFields(binder, form, "policy");
        binder.setBean(new PolicyDraft());
        Button publish = new Button(getTranslation("policies.publishButton"), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            PolicyDraft draft = binder.getBean();
            String policyId = UUID.randomUUID().toString();
            if (send(new PublishAllowancePolicy(policyId, draft.name.strip(), draft.effectiveFrom, caps(draft)),
                    null, "policies.published", draft.name.strip(),
                    list -> list.stream().anyMatch(p -> p.policyId().equals(policyId)))) {
                binder.setBean(new PolicyDraft());
            }
        });
        publish.setId("policy-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout content = new VerticalLayout(form, publish);
        content.setPadding(false);
        return content;
    }

    private Dialog reviseDialog(AllowancePolicyView policy) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("policies.reviseTitle", policy.name()));
        Binder<PolicyDraft> binder = new Binder<>();
        FormLayout form = new FormLayout();
        versionFields(binder, form, "revise");
        TextArea reason = new TextArea(getTranslation("retention.policy.revisionReason"));
        reason.setId("revise-reason");
        reason.setMaxLength(500);
        binder.forField(reason).asRequired(required("retention.policy.revisionReason"))
                .bind(d -> d.reason, (d, v) -> d.reason = v);
        form.add(reason, 2);
        PolicyDraft draft = new PolicyDraft();
        draft.caps.putAll(policy.latest().monthlyCaps()); // a revision usually changes one or two caps
        binder.setBean(draft);
        dialog.add(form);
        Button revise = new Button(getTranslation("policies.revise"), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            int nextVersion = policy.latest().version() + 1;
            if (send(new ReviseAllowancePolicy(policy.policyId(), draft.effectiveFrom, caps(draft),
                            draft.reason.strip()), draft.reason.strip(), "policies.revised", policy.name(),
                    list -> list.stream().anyMatch(p -> p.policyId().equals(policy.policyId())
                            && p.latest().version() == nextVersion))) {
                dialog.close();
            }
        });
        revise.setId("revise-confirm");
        revise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, revise);
        dialog.setWidth("min(44em, 100vw)");
        return dialog;
    }

    /** The effective date and one cap per allowance type; at least one cap is needed. */
    private void versionFields(Binder<PolicyDraft> binder, FormLayout form, String idPrefix) {
        DatePicker effectiveFrom = new DatePicker(getTranslation("retention.policy.effectiveFrom"));
        effectiveFrom.setId(idPrefix + "-effective-from");
        binder.forField(effectiveFrom).asRequired(required("retention.policy.effectiveFrom"))
                .bind(d -> d.effectiveFrom, (d, v) -> d.effectiveFrom = v);
        form.add(effectiveFrom);
        for (AllowanceType type : AllowanceType.values()) {
            IntegerField cap = new IntegerField(getTranslation("policies.capOf",
                    getTranslation("allowanceType." + type.name())));
            cap.setId(idPrefix + "-cap-" + type.name());
            cap.setMin(1);
            binder.forField(cap)
                    .withValidator(v -> v == null || v > 0, getTranslation("retention.policy.capNotPositive",
                            getTranslation("allowanceType." + type.name())))
                    .bind(d -> d.caps.get(type), (d, v) -> {
                if (v == null) {
                    d.caps.remove(type);
                } else {
                    d.caps.put(type, v);
                }
            });
            form.add(cap);
        }
        binder.withValidator(d -> !d.caps.isEmpty(), getTranslation("validation.required",
                getTranslation("retention.policy.monthlyCaps")));
        Span capsMissing = new Span();
        capsMissing.addClassName("portal-problem");
        capsMissing.setId(idPrefix + "-caps-status");
        binder.setStatusLabel(capsMissing);
        form.add(capsMissing, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
    }

    private static Map<AllowanceType, Integer> caps(PolicyDraft draft) {
        return Map.copyOf(draft.caps);
    }

    private boolean send(Object command, String reason, String doneKey, String name,
                         Predicate<List<AllowancePolicyView>> changed) {
        try {
            if (reason == null) {
                commands.send(command);
            } else {
                commands.send(command, reason);
            }
            Notices.success(doneKey, name);
            grid.setItems(ReadModels.awaitChange(this::policies, changed));
            return true;
        } catch (DomainRuleViolation refusal) {
            Notices.refused(refusal);
            return false;
        }
    }

    private List<AllowancePolicyView> policies() {
        return queries.query(new FindAllowancePolicies(),
                ResponseTypes.multipleInstancesOf(AllowancePolicyView.class)).join();
    }

    private String required(String fieldKey) {
        return getTranslation("validation.required", getTranslation(fieldKey));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("policies.title") + " · " + getTranslation("app.name");
    }
}

package cn.talentportal.portal.admin.rubrics;

import cn.talentportal.domain.interview.Criterion;
import cn.talentportal.domain.interview.RubricCommands.DefineRubric;
import cn.talentportal.domain.interview.RubricCommands.ReviseRubric;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.ReadModels;
import cn.talentportal.projections.interview.InterviewQueries.FindRubrics;
import cn.talentportal.projections.interview.RubricView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Interview rubrics, reference data for every unit's panels: an administrator defines one, or picks one and
 * revises its criteria with a reason, which makes a new version. Interviews already scheduled keep their version.
 */
@Route("admin/rubrics")
@RolesAllowed(Role.ADMIN_ROLE)
public class RubricsView extends VerticalLayout implements HasDynamicTitle {

    private final QueryGateway queries;
    private final Commands commands;
    private final Grid<RubricView> grid = new Grid<>();
    private final H3 editorTitle = new H3();
    private final TextField name = new TextField();
    private final CriteriaEditor criteria = new CriteriaEditor();
    private final TextArea reason = new TextArea();
    private final Button define = new Button();
    private final Button revise = new Button();
    private final Binder<RubricsView> nameBinder = new Binder<>();
    private final Binder<RubricsView> reasonBinder = new Binder<>();
    private RubricView revising;

    public RubricsView(QueryGateway queries, Commands commands) {
        this.queries = queries;
        this.commands = commands;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("rubrics.title"));
        title.addClassName("portal-title");

        grid.setId("rubrics");
        grid.addColumn(RubricView::name).setKey("name").setHeader(getTranslation("rubric.name"));
        grid.addColumn(RubricView::version).setKey("version").setHeader(getTranslation("rubrics.version"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.criteria().stream()
                        .map(c -> getTranslation("rubrics.criterion.summary", c.label(), c.weight(), c.maxScore()))
                        .collect(Collectors.joining(getTranslation("rubrics.criteriaSeparator"))))
                .setKey("criteria").setHeader(getTranslation("rubrics.criteria"));
        grid.addColumn(r -> r.revisionReason() == null ? "" : r.revisionReason()).setKey("reason")
                .setHeader(getTranslation("rubric.revisionReason"));
        grid.setEmptyStateText(getTranslation("rubrics.none"));
        grid.asSingleSelect().addValueChangeListener(change -> {
            if (change.getValue() != null) {
                startRevising(change.getValue());
            }
        });

        name.setLabel(getTranslation("rubric.name"));
        name.setId("rubric-name");
        name.setMaxLength(80);
        nameBinder.forField(name).asRequired(getTranslation("rubrics.nameRequired"))
                .bind(v -> name.getValue(), (v, value) -> { });
        reason.setLabel(getTranslation("rubric.revisionReason"));
        reason.setId("rubric-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        reasonBinder.forField(reason).asRequired(getTranslation("rubrics.reasonRequired"))
                .bind(v -> reason.getValue(), (v, value) -> { });

        define.setText(getTranslation("rubrics.define"));
        define.setId("rubric-define");
        define.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        define.addClickListener(click -> defineRubric());
        revise.setText(getTranslation("rubrics.revise"));
        revise.setId("rubric-revise");
        revise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        revise.addClickListener(click -> reviseRubric());
        Button startNew = new Button(getTranslation("rubrics.new"), click -> startDefining());
        startNew.setId("rubric-new");
        startNew.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Div editor = new Div(editorTitle, name, criteria, reason, new HorizontalLayout(define, revise, startNew));
        editor.setId("rubric-editor");
        editor.addClassName("portal-card");
        add(title, grid, editor);
        grid.setItems(rubrics());
        startDefining();
    }

    private void startDefining() {
        revising = null;
        grid.asSingleSelect().clear();
        editorTitle.setText(getTranslation("rubrics.defining"));
        name.setReadOnly(false);
        name.clear();
        name.setInvalid(false); // cleared for the next rubric, not left empty by the user
        criteria.show(List.of());
        reason.setVisible(false);
        define.setVisible(true);
        revise.setVisible(false);
    }

    private void startRevising(RubricView rubric) {
        revising = rubric;
        editorTitle.setText(getTranslation("rubrics.revising", rubric.name(), rubric.version()));
        name.setValue(rubric.name());
        name.setReadOnly(true);
        criteria.show(rubric.criteria());
        reason.clear();
        reason.setInvalid(false);
        reason.setVisible(true);
        define.setVisible(false);
        revise.setVisible(true);
    }

    private void defineRubric() {
        boolean valid = nameBinder.validate().isOk() & criteria.validate();
        if (!valid) {
            return;
        }
        String rubricId = UUID.randomUUID().toString();
        String rubricName = name.getValue().trim();
        if (sent(new DefineRubric(rubricId, rubricName, criteria.criteria()), null)) {
            Notices.success("rubrics.defined", rubricName);
            refresh(all -> all.stream().anyMatch(r -> r.rubricId().equals(rubricId)));
            startDefining();
        }
    }

    private void reviseRubric() {
        boolean valid = reasonBinder.validate().isOk() & criteria.validate();
        if (!valid || revising == null) {
            return;
        }
        RubricView rubric = revising;
        List<Criterion> revised = criteria.criteria();
        if (sent(new ReviseRubric(rubric.rubricId(), revised, reason.getValue()), reason.getValue())) {
            Notices.success("rubrics.revised", rubric.name(), rubric.version() + 1);
            refresh(all -> all.stream().anyMatch(r -> r.rubricId().equals(rubric.rubricId())
                    && r.version() > rubric.version()));
            startDefining();
        }
    }

    /** A refusal is shown and the editor keeps what was typed. */
    private boolean sent(Object command, String why) {
        try {
            if (why == null) {
                commands.send(command);
            } else {
                commands.send(command, why);
            }
            return true;
        } catch (DomainRuleViolation refusal) {
            Notices.refused(refusal);
            return false;
        }
    }

    private void refresh(Predicate<List<RubricView>> changed) {
        grid.setItems(ReadModels.awaitChange(this::rubrics, changed));
    }

    private List<RubricView> rubrics() {
        return queries.query(new FindRubrics(), ResponseTypes.multipleInstancesOf(RubricView.class)).join();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rubrics.title") + " · " + getTranslation("app.name");
    }
}

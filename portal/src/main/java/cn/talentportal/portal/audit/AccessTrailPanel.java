package cn.talentportal.portal.audit;

import cn.talentportal.projections.privacy.AccessTrailEntry;
import cn.talentportal.projections.privacy.PrivacyQueries.FindPersonalDataAccess;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Who opened or exported a person's data, when, from where and why; newest first. With no subject, everyone's.
 */
class AccessTrailPanel extends VerticalLayout {

    private final QueryGateway queries;
    private final String subjectId;
    private final Grid<AccessTrailEntry> grid = new Grid<>();

    AccessTrailPanel(QueryGateway queries, AuditValues values, String subjectId) {
        this.queries = queries;
        this.subjectId = subjectId;
        setPadding(false);
        grid.setId("access-trail");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(e -> values.format(e.at())).setHeader(getTranslation("audit.time")).setAutoWidth(true)
                .setFlexGrow(0);
        if (subjectId == null) {
            grid.addColumn(AccessTrailEntry::subjectName).setHeader(getTranslation("privacy.subject"))
                    .setAutoWidth(true);
        }
        grid.addColumn(e -> getTranslation("accessKind." + e.kind().name())).setHeader(getTranslation("audit.event"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.kind() == AccessTrailEntry.Kind.EXPORT
                        ? getTranslation("exportFormat." + e.format().name()) + " · "
                        + getTranslation("audit.access.asOf", values.format(e.asOf()))
                        : getTranslation("personalData." + e.what().name()))
                .setHeader(getTranslation("privacy.what"));
        grid.addColumn(e -> values.actor(e.actorName())).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(e -> e.actorRole() == null ? "" : getTranslation("role." + e.actorRole()))
                .setHeader(getTranslation("audit.role")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AccessTrailEntry::clientAddress).setHeader(getTranslation("audit.clientAddress"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AccessTrailEntry::reason).setHeader(getTranslation("privacy.reason")).setFlexGrow(2);
        grid.setHeight("50vh");
        add(new Paragraph(getTranslation(subjectId == null ? "audit.access.explainAll" : "audit.access.explainOne")),
                grid);
    }

    void refresh() {
        List<AccessTrailEntry> entries = queries.query(new FindPersonalDataAccess(subjectId, null, null),
                ResponseTypes.multipleInstancesOf(AccessTrailEntry.class)).join();
        grid.setItems(entries.reversed());
    }
}

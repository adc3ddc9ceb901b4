package cn.talentportal.portal.audit;

import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.opening.OpeningStatus;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.ActorMetaData;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidateHistory;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidates;
import cn.talentportal.projections.candidate.CandidateSummary;
import cn.talentportal.projections.candidate.HistoryEntry;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/** Auditors find a candidate and read every stored event of their journey with its actor. Read-only. */
@Route("audit")
@RolesAllowed(Role.AUDITOR_ROLE)
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    static final Map<Class<?>, String> ENUM_LABELS = Map.of(Education.class, "education.",
            CandidateSource.class, "source.", Sector.class, "sector.", TalentCategory.class, "category.",
            EmployerType.class, "employerType.", OpeningStatus.class, "status.");
    private static final int SUMMARY_LENGTH = 80;

    private final QueryGateway queries;
    private final Grid<CandidateSummary> candidates = new Grid<>();
    private final Grid<HistoryEntry> history = new Grid<>();
    private final H3 historyTitle = new H3();

    public AuditView(QueryGateway queries) {
        this.queries = queries;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("audit.title"));
        title.addClassName("portal-title");
        TextField search = new TextField();
        search.setId("audit-search");
        search.setPlaceholder(getTranslation("audit.searchPlaceholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.addValueChangeListener(e -> findCandidates(e.getValue()));

        candidates.setId("audit-candidates");
        candidates.addColumn(CandidateSummary::fullName).setHeader(getTranslation("candidate.fullName"));
        candidates.addColumn(c -> getTranslation("source." + c.source().name())).setHeader(getTranslation("candidate.source"));
        candidates.addColumn(c -> PortalFormats.dateTime(c.registeredAt(), getLocale()))
                .setHeader(getTranslation("audit.registeredAt"));
        candidates.setHeight("240px");
        candidates.asSingleSelect().addValueChangeListener(e -> showHistory(e.getValue()));

        history.setId("audit-history");
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        history.addColumn(HistoryEntry::sequenceNumber).setHeader("#").setWidth("4em").setFlexGrow(0);
        history.addColumn(h -> PortalFormats.dateTime(h.timestamp(), getLocale()))
                .setHeader(getTranslation("audit.time")).setAutoWidth(true).setFlexGrow(0);
        history.addColumn(h -> getTranslation("event." + h.eventType())).setHeader(getTranslation("audit.event"))
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(this::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true).setFlexGrow(0);
        history.addColumn(h -> h.actorRole() == null ? "" : getTranslation("role." + h.actorRole()))
                .setHeader(getTranslation("audit.role"))
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(HistoryEntry::clientAddress).setHeader(getTranslation("audit.clientAddress"))
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(HistoryEntry::reason).setHeader(getTranslation("audit.reason"));
        history.addColumn(this::summary).setHeader(getTranslation("audit.details"))
                .setFlexGrow(3);
        history.setItemDetailsRenderer(new ComponentRenderer<>(this::fieldList));
        history.setDetailsVisibleOnClick(true);
        history.setVisible(false);
        add(title, search, candidates, historyTitle, history);
        findCandidates("");
    }

    /** Every field of the event with its label, shown when the auditor opens the row. */
    private Div fieldList(HistoryEntry entry) {
        Div list = new Div();
        list.addClassName("portal-fields");
        for (EventFields.Field field : EventFields.of(entry.payload())) {
            String label = getTranslation("field." + field.name());
            list.add(new Span(label.startsWith("!") ? field.name() : label), new Span(format(field.value())));
        }
        if (entry.correlationId() != null) {
            list.add(new Span(getTranslation("audit.correlationId")), new Span(entry.correlationId()));
        }
        return list;
    }

    /** The values that tell the story, without the technical ids. */
    private String summary(HistoryEntry entry) {
        String summary = EventFields.of(entry.payload()).stream()
                .filter(field -> !field.name().endsWith("Id"))
                .map(field -> format(field.value()))
                .filter(value -> !value.isBlank())
                .collect(Collectors.joining(" · "));
        return summary.length() <= SUMMARY_LENGTH ? summary : summary.substring(0, SUMMARY_LENGTH) + "…";
    }

    /** Enum values are shown by their labels (sector.HEALTH becomes 卫生健康); everything else as it prints. */
    private String format(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(this::format).sorted().collect(Collectors.joining("、"));
        }
        if (value instanceof Enum<?> constant) {
            String prefix = ENUM_LABELS.get(constant.getDeclaringClass());
            return prefix == null ? constant.name() : getTranslation(prefix + constant.name());
        }
        return String.valueOf(value);
    }

    private void findCandidates(String text) {
        CandidateSummary selected = candidates.asSingleSelect().getValue();
        List<CandidateSummary> found = queries.query(new FindCandidates(text, 100),
                ResponseTypes.multipleInstancesOf(CandidateSummary.class)).join();
        candidates.setItems(found);
        // refining the search keeps the history being read open while that candidate is still found
        if (selected != null) {
            found.stream().filter(c -> c.candidateId().equals(selected.candidateId())).findFirst()
                    .ifPresent(candidates::select);
        }
    }

    private void showHistory(CandidateSummary candidate) {
        history.setVisible(candidate != null);
        if (candidate == null) {
            historyTitle.setText("");
            return;
        }
        historyTitle.setText(getTranslation("audit.historyOf", candidate.fullName()));
        history.setItems(queries.query(new FindCandidateHistory(candidate.candidateId()),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class)).join());
    }

    /** A person's name as stored; the markers for no signed-in user and for the portal itself are translated. */
    private String actor(HistoryEntry entry) {
        String name = entry.actorName();
        return ActorMetaData.ANONYMOUS.equals(name) || ActorMetaData.SYSTEM.equals(name)
                ? getTranslation("role." + name) : name;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }
}

package cn.talentportal.portal.audit;

import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.candidate.HistoryEntry;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Every stored event of a candidate's story, with who did it, in what role, from where and why; narrowed by event
 * type and period. The list is a candidate's (hundreds of events at most), so it is filtered in memory.
 */
class TimelinePanel extends VerticalLayout {

    private static final int SUMMARY_LENGTH = 80;

    private final AuditValues values;
    private final Grid<HistoryEntry> grid = new Grid<>();
    private final MultiSelectComboBox<String> types = new MultiSelectComboBox<>();
    private final DateTimePicker from = new DateTimePicker();
    private final DateTimePicker to = new DateTimePicker();
    private final Span count = new Span();
    private List<HistoryEntry> entries = List.of();
    private Consumer<Instant> onShowState = instant -> { };

    TimelinePanel(AuditValues values) {
        this.values = values;
        setPadding(false);
        types.setId("timeline-types");
        types.setLabel(getTranslation("audit.filterTypes"));
        types.setItemLabelGenerator(type -> getTranslation("event." + type));
        from.setId("timeline-from");
        from.setLabel(getTranslation("audit.filterFrom"));
        to.setId("timeline-to");
        to.setLabel(getTranslation("audit.filterTo"));
        types.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        FlexLayout filters = new FlexLayout(types, from, to, count);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.addClassName("portal-filters");

        grid.setId("audit-history");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(h -> PortalFormats.dateTime(h.timestamp(), getLocale()))
                .setHeader(getTranslation("audit.time")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(h -> getTranslation("event." + h.eventType())).setHeader(getTranslation("audit.event"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(h -> values.actor(h.actorName())).setHeader(getTranslation("audit.actor"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(h -> h.actorRole() == null ? "" : getTranslation("role." + h.actorRole()))
                .setHeader(getTranslation("audit.role")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(HistoryEntry::clientAddress).setHeader(getTranslation("audit.clientAddress"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(HistoryEntry::reason).setHeader(getTranslation("audit.reason"));
        grid.addColumn(this::summary).setHeader(getTranslation("audit.details")).setFlexGrow(3);
        grid.addComponentColumn(entry -> {
            Button state = new Button(getTranslation("audit.stateThen"), e -> onShowState.accept(entry.timestamp()));
            state.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            state.addClassName("timeline-state");
            return state;
        }).setWidth("7.5em").setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::fieldList));
        grid.setDetailsVisibleOnClick(true);
        grid.setHeight("60vh");
        add(filters, grid);
    }

    /** Called with an event's instant when the auditor asks for the whole state right after that event. */
    void onShowState(Consumer<Instant> listener) {
        this.onShowState = listener;
    }

    void show(List<HistoryEntry> history) {
        this.entries = history.stream().sorted(Comparator.comparing(HistoryEntry::timestamp)).toList();
        types.setItems(entries.stream().map(HistoryEntry::eventType).distinct()
                .sorted(Comparator.comparing(type -> getTranslation("event." + type))).toList());
        refresh();
    }

    private void refresh() {
        Set<String> wanted = types.getValue();
        Instant after = AuditValues.officeInstant(from.getValue());
        Instant before = AuditValues.officeInstant(to.getValue());
        List<HistoryEntry> shown = entries.stream()
                .filter(e -> wanted.isEmpty() || wanted.contains(e.eventType()))
                .filter(e -> after == null || !e.timestamp().isBefore(after))
                .filter(e -> before == null || !e.timestamp().isAfter(before))
                .toList();
        grid.setItems(shown);
        count.setText(getTranslation("audit.eventsShown", shown.size(), entries.size()));
    }

    /** Every field of the event with its label, shown when the auditor opens the row. */
    private Div fieldList(HistoryEntry entry) {
        Div list = new Div();
        list.addClassName("portal-fields");
        for (EventFields.Field field : EventFields.of(entry.payload())) {
            String label = getTranslation("field." + field.name());
            list.add(new Span(label.startsWith("!") ? field.name() : label), new Span(values.format(field.value())));
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
                .map(field -> values.format(field.value()))
                .filter(value -> !value.isBlank())
                .collect(Collectors.joining(" · "));
        return summary.length() <= SUMMARY_LENGTH ? summary : summary.substring(0, SUMMARY_LENGTH) + "…";
    }
}

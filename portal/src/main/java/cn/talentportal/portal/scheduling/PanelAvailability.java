package cn.talentportal.portal.scheduling;

import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.interview.CalendarEntry;
import cn.talentportal.projections.interview.InterviewQueries.FindBusySlots;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Each chosen panel member's busy times on the chosen day (office time), from the interview calendars, with the
 * ones that clash with the slot being picked marked. Only times are shown: another interview's candidate is not
 * this form's business. The read model may lag a moment; the calendars in the domain have the last word.
 */
final class PanelAvailability extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final QueryGateway queries;

    PanelAvailability(QueryGateway queries) {
        this.queries = queries;
        setId("panel-availability");
        addClassName("portal-availability");
    }

    /** {@code ignoredInterviewId}: the interview being moved, whose own slot is no clash. */
    void show(Collection<PanelMember> panel, LocalDate day, InterviewSlot wanted, String ignoredInterviewId) {
        removeAll();
        add(new H4(getTranslation("scheduling.availability")));
        if (panel.isEmpty() || day == null) {
            add(new Span(getTranslation("scheduling.availability.choose")));
            return;
        }
        ZonedDateTime from = day.atStartOfDay(PortalFormats.OFFICE_ZONE);
        List<CalendarEntry> busy = queries.query(new FindBusySlots(panel.stream().map(PanelMember::userId)
                                .collect(Collectors.toSet()), from.toInstant(), from.plusDays(1).toInstant()),
                        ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join().stream()
                .filter(entry -> !entry.interviewId().equals(ignoredInterviewId))
                .toList();
        for (PanelMember member : panel) {
            Div row = new Div();
            row.setId("availability-" + member.userId());
            row.addClassName("portal-availability-member");
            row.add(new Span(member.name() + ": "));
            List<CalendarEntry> theirs = busy.stream()
                    .filter(entry -> entry.panel().stream().anyMatch(p -> p.userId().equals(member.userId())))
                    .toList();
            if (theirs.isEmpty()) {
                Span free = new Span(getTranslation("scheduling.availability.free"));
                free.addClassName("portal-availability-free");
                row.add(free);
            } else {
                UnorderedList slots = new UnorderedList();
                slots.addClassName("portal-availability-slots");
                for (CalendarEntry entry : theirs) {
                    boolean clash = wanted != null && wanted.overlaps(entry.slot());
                    ListItem item = new ListItem(range(entry.slot()) + " " + getTranslation(clash
                            ? "scheduling.availability.clash" : "scheduling.availability.busy"));
                    item.addClassName(clash ? "portal-availability-clash" : "portal-availability-busy");
                    slots.add(item);
                }
                row.add(slots);
            }
            add(row);
        }
    }

    private static String range(InterviewSlot slot) {
        return TIME.format(slot.start().atZone(PortalFormats.OFFICE_ZONE)) + "–"
                + TIME.format(slot.end().atZone(PortalFormats.OFFICE_ZONE));
    }
}

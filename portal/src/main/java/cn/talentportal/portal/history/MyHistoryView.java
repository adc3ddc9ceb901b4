package cn.talentportal.portal.history;

import cn.talentportal.portal.audit.AuditValues;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.ActorMetaData;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidateHistory;
import cn.talentportal.projections.candidate.HistoryEntry;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * The signed-in candidate's own journey, newest first and grouped by day, each step as a sentence with its time.
 * Read from their own event stream only (the id comes from the sign-in, never from the address). Who acted is told
 * by role when it was not the candidate (a recruiter screened, the system expired an offer), never by name: other
 * people's personal data stays out. A candidate's stream holds hundreds of events at most, so it is shown whole.
 */
@Route("my-history")
@RolesAllowed(Role.CANDIDATE_ROLE)
public class MyHistoryView extends VerticalLayout implements HasDynamicTitle {

    /** Roles whose actions are the candidate's own: registering before having an account, and everything after. */
    private static final Set<String> OWN_ROLES = Set.of(Role.CANDIDATE.name(), ActorMetaData.ANONYMOUS);

    public MyHistoryView(QueryGateway queries) {
        addClassName("portal-page");
        H2 title = new H2(getTranslation("history.title"));
        title.addClassName("portal-title");
        Div days = new Div();
        days.setId("my-history");
        days.addClassName("portal-history");
        add(title, days);

        List<HistoryEntry> history = queries.query(new FindCandidateHistory(CurrentUser.require().candidateId()),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class)).join();
        if (history.isEmpty()) {
            days.add(new Paragraph(getTranslation("history.empty")));
            return;
        }
        HistorySentences sentences = new HistorySentences(new AuditValues(this::getTranslation, getLocale()));
        byDayNewestFirst(history).forEach((day, entries) -> days.add(day(day, entries, sentences)));
    }

    private static Map<LocalDate, List<HistoryEntry>> byDayNewestFirst(List<HistoryEntry> history) {
        return history.stream()
                .sorted(Comparator.comparing(HistoryEntry::timestamp)
                        .thenComparing(HistoryEntry::sequenceNumber).reversed())
                .collect(Collectors.groupingBy(e -> e.timestamp().atZone(PortalFormats.OFFICE_ZONE).toLocalDate(),
                        LinkedHashMap::new, Collectors.toList()));
    }

    private Div day(LocalDate day, List<HistoryEntry> entries, HistorySentences sentences) {
        Div group = new Div();
        group.addClassName("portal-history-day");
        group.getElement().setAttribute("data-day", day.toString());
        H3 heading = new H3(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(getLocale()).format(day));
        group.add(heading);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(PortalFormats.OFFICE_ZONE);
        for (HistoryEntry entry : entries) {
            Span at = new Span(time.format(entry.timestamp()));
            at.addClassName("portal-history-time");
            Span sentence = new Span(sentences.of(entry));
            sentence.addClassName("portal-history-sentence");
            Div line = new Div(at, sentence);
            line.addClassName("portal-history-entry");
            line.getElement().setAttribute("data-event-type", entry.eventType());
            if (entry.actorRole() != null && !OWN_ROLES.contains(entry.actorRole())) {
                Span by = new Span(getTranslation("history.by", getTranslation("role." + entry.actorRole())));
                by.addClassName("portal-muted");
                line.add(by);
            }
            group.add(line);
        }
        return group;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("history.title") + " · " + getTranslation("app.name");
    }
}

package cn.talentportal.portal.history;

import cn.talentportal.portal.audit.AuditValues;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.ActorMetaData;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidateHistory;
import cn.talentportal.projections.candidate.CandidateQueries.FindStreamsHistory;
import cn.talentportal.projections.candidate.HistoryEntry;
import cn.talentportal.projections.interview.CalendarEntry;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewsOfCandidate;
import cn.talentportal.projections.retention.CaseloadEntry;
import cn.talentportal.projections.retention.RetentionQueries.FindCasesOfCandidate;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * The signed-in candidate's own journey, newest first and grouped by day, each step as a sentence with its time.
 * Read from their own event stream (the id comes from the sign-in, never from the address) and from the streams of
 * their interviews and retention cases, of which only the steps that are theirs are shown: scorecards and the
 * panel's decision are the office's assessment, not part of the candidate's history. Who acted is told by role when
 * it was not the candidate (a recruiter screened, the system expired an offer), never by name: other people's
 * personal data stays out. A candidate's streams hold hundreds of events at most, so they are shown whole.
 */
@Route("my-history")
@RolesAllowed(Role.CANDIDATE_ROLE)
public class MyHistoryView extends VerticalLayout implements HasDynamicTitle {

    /** Roles whose actions are the candidate's own: registering before having an account, and everything after. */
    private static final Set<String> OWN_ROLES = Set.of(Role.CANDIDATE.name(), ActorMetaData.ANONYMOUS);

    /** The steps of their interviews and retention cases a candidate reads about themselves. */
    static final Set<String> SHOWN_FROM_LINKED_STREAMS = Set.of("InterviewScheduled", "InterviewRescheduled",
            "InterviewCancelled", "CandidateDidNotShow", "InterviewHeld", "RetentionCaseOpened",
            "RetentionMilestoneReached", "RetentionServiceRequested", "RetentionServiceRefused", "ApartmentAllocated",
            "ApartmentVacated", "AllowanceGranted", "SchoolPlaceGranted", "ServiceCardIssued",
            "ServiceSpecialistAssigned", "FollowUpVisitRecorded", "VisitProblemResolved", "ProfessionalTitlePromoted",
            "TalentDeparted");

    public MyHistoryView(QueryGateway queries) {
        addClassName("portal-page");
        H2 title = new H2(getTranslation("history.title"));
        title.addClassName("portal-title");
        Div days = new Div();
        days.setId("my-history");
        days.addClassName("portal-history");
        add(title, days);

        String candidateId = CurrentUser.require().candidateId();
        List<HistoryEntry> history = new ArrayList<>(queries.query(new FindCandidateHistory(candidateId),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class)).join());
        history.addAll(linkedSteps(queries, candidateId));
        if (history.isEmpty()) {
            days.add(new Paragraph(getTranslation("history.empty")));
            return;
        }
        HistorySentences sentences = new HistorySentences(new AuditValues(this::getTranslation, getLocale()));
        byDayNewestFirst(history).forEach((day, entries) -> days.add(day(day, entries, sentences)));
    }

    private static List<HistoryEntry> linkedSteps(QueryGateway queries, String candidateId) {
        List<String> streams = Stream.concat(
                        queries.query(new FindInterviewsOfCandidate(candidateId),
                                ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join().stream()
                                .map(CalendarEntry::interviewId),
                        queries.query(new FindCasesOfCandidate(candidateId),
                                ResponseTypes.multipleInstancesOf(CaseloadEntry.class)).join().stream()
                                .map(CaseloadEntry::caseId))
                .distinct().toList();
        if (streams.isEmpty()) {
            return List.of();
        }
        return queries.query(new FindStreamsHistory(streams), ResponseTypes.multipleInstancesOf(HistoryEntry.class))
                .join().stream().filter(entry -> SHOWN_FROM_LINKED_STREAMS.contains(entry.eventType())).toList();
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

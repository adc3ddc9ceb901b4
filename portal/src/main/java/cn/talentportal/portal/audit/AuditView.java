package cn.talentportal.portal.audit;

import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.candidate.CandidateSummary;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;

/** Auditors find a candidate by name, ID number, phone, email or application and open their history. Read-only. */
@Route("audit")
@RolesAllowed(Role.AUDITOR_ROLE)
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private final CandidateLookup lookup;
    private final Grid<CandidateSummary> candidates = new Grid<>();

    public AuditView(CandidateLookup lookup) {
        this.lookup = lookup;
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
        // a click can arrive for a row the last search replaced: it names no candidate then
        candidates.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                open(e.getValue());
            }
        });
        add(title, search, candidates);
        findCandidates("");
    }

    private void open(CandidateSummary candidate) {
        getUI().ifPresent(ui -> ui.navigate(AuditCandidateView.class,
                new RouteParameters(AuditCandidateView.CANDIDATE_ID, candidate.candidateId())));
    }

    private void findCandidates(String text) {
        candidates.setItems(lookup.find(text));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }
}

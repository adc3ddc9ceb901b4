package cn.talentportal.portal.drives;

import cn.talentportal.domain.drive.DriveCommands.PlanDrive;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.portal.shared.ReadModels;
import cn.talentportal.projections.drive.DriveQueries.CountDrivesOfUnit;
import cn.talentportal.projections.drive.DriveQueries.FindDriveOfUnit;
import cn.talentportal.projections.drive.DriveQueries.FindDrivesOfUnit;
import cn.talentportal.projections.drive.DriveSummary;
import cn.talentportal.projections.employer.EmployerQueries.FindEmployerUnit;
import cn.talentportal.projections.employer.EmployerUnitView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * A recruiter's drives: campus recruitment at a university, online job fairs and livestreams (直播带岗) of their own
 * unit, latest first, a page at a time; and the form to plan one. Each drive opens its page of registrations.
 */
@Route("drives")
@RolesAllowed(Role.RECRUITER_ROLE)
public class DrivesView extends VerticalLayout implements HasDynamicTitle {

    private final QueryGateway queries;
    private final Commands commands;
    private final Clock clock;
    private final UserAccount recruiter = CurrentUser.require();
    private final Grid<DriveSummary> grid = new Grid<>();

    /** A drive as the recruiter plans it, bound to the form as they type. */
    static class PlanDraft {
        DriveKind kind = DriveKind.CAMPUS_RECRUITMENT;
        String title;
        String university;
        String venue;
        LocalDateTime startsAt;
        LocalDateTime endsAt;
    }

    public DrivesView(QueryGateway queries, Commands commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("drives.title"));
        title.addClassName("portal-title");
        Details plan = new Details(getTranslation("drives.plan"), planForm());
        plan.setId("plan-drive");

        grid.setId("drives");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // long texts wrap on a phone
        grid.addComponentColumn(d -> {
            RouterLink link = new RouterLink(d.title(), DriveView.class,
                    new RouteParameters(DriveView.DRIVE_ID, d.driveId()));
            link.setId("drive-" + d.driveId());
            return link;
        }).setKey("title").setHeader(getTranslation("drive.title")).setFlexGrow(2);
        grid.addColumn(d -> getTranslation("driveKind." + d.kind().name())).setHeader(getTranslation("drive.kind"));
        grid.addColumn(d -> PortalFormats.dateTime(d.startsAt(), getLocale())).setHeader(getTranslation("drive.startsAt"))
                .setAutoWidth(true);
        grid.addColumn(d -> getTranslation("driveStatus." + d.status())).setKey("status")
                .setHeader(getTranslation("drives.status"));
        grid.addColumn(d -> getTranslation("drives.counts", d.registrations(), d.attendance()))
                .setHeader(getTranslation("drives.registrations"));
        grid.setEmptyStateText(getTranslation("drives.none"));
        grid.setItems(query -> queries.query(new FindDrivesOfUnit(recruiter.employerUnitId(), query.getOffset(),
                        query.getLimit()), ResponseTypes.multipleInstancesOf(DriveSummary.class)).join().stream(),
                query -> queries.query(new CountDrivesOfUnit(recruiter.employerUnitId()), Long.class).join()
                        .intValue());
        add(title, plan, grid);
    }

    private VerticalLayout planForm() {
        Binder<PlanDraft> binder = new Binder<>();
        Select<DriveKind> kind = new Select<>();
        kind.setLabel(getTranslation("drive.kind"));
        kind.setId("drive-kind");
        kind.setItems(DriveKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("driveKind." + k.name()));
        binder.forField(kind).asRequired(required("drive.kind")).bind(d -> d.kind, (d, v) -> d.kind = v);
        TextField name = new TextField(getTranslation("drive.title"));
        name.setId("drive-title");
        name.setMaxLength(100);
        binder.forField(name).asRequired(required("drive.title")).bind(d -> d.title, (d, v) -> d.title = v);
        TextField university = new TextField(getTranslation("drive.university"));
        university.setId("drive-university");
        university.setMaxLength(100);
        var universityBinding = binder.forField(university)
                .withValidator(u -> kind.getValue() != DriveKind.CAMPUS_RECRUITMENT || (u != null && !u.isBlank()),
                        required("drive.university"))
                .bind(d -> d.university, (d, v) -> d.university = v);
        TextField venue = new TextField(getTranslation("drive.venue"));
        venue.setId("drive-venue");
        venue.setMaxLength(500);
        binder.forField(venue).asRequired(required("drive.venue")).bind(d -> d.venue, (d, v) -> d.venue = v);
        DateTimePicker startsAt = new DateTimePicker(getTranslation("drive.startsAt"));
        startsAt.setId("drive-starts");
        binder.forField(startsAt).asRequired(required("drive.startsAt"))
                .withValidator(t -> t.atZone(PortalFormats.OFFICE_ZONE).toInstant().isAfter(clock.instant()),
                        getTranslation("drives.startsInFuture"))
                .bind(d -> d.startsAt, (d, v) -> d.startsAt = v);
        DateTimePicker endsAt = new DateTimePicker(getTranslation("drive.endsAt"));
        endsAt.setId("drive-ends");
        var endsBinding = binder.forField(endsAt).asRequired(required("drive.endsAt"))
                .withValidator(t -> startsAt.getValue() == null || t.isAfter(startsAt.getValue()),
                        getTranslation("drives.endsAfterStart"))
                .bind(d -> d.endsAt, (d, v) -> d.endsAt = v);
        // a rule that depends on another field is checked again when that field changes
        kind.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                universityBinding.validate();
            }
        });
        startsAt.addValueChangeListener(e -> {
            if (endsAt.getValue() != null) {
                endsBinding.validate();
            }
        });
        binder.setBean(new PlanDraft());

        Button planButton = new Button(getTranslation("drives.planButton"), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            PlanDraft draft = binder.getBean();
            String driveId = UUID.randomUUID().toString();
            try {
                commands.send(new PlanDrive(driveId, draft.kind, draft.title.strip(),
                        draft.university == null || draft.university.isBlank() ? null : draft.university.strip(),
                        draft.venue.strip(), draft.startsAt.atZone(PortalFormats.OFFICE_ZONE).toInstant(),
                        draft.endsAt.atZone(PortalFormats.OFFICE_ZONE).toInstant(), unitName()));
                Notices.success("drives.planned", draft.title.strip());
                binder.setBean(new PlanDraft());
                ReadModels.awaitChange(() -> queries.query(new FindDriveOfUnit(driveId, recruiter.employerUnitId()),
                        ResponseTypes.optionalInstanceOf(DriveSummary.class)).join(), found -> found.isPresent());
                grid.getDataProvider().refreshAll();
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
            }
        });
        planButton.setId("drive-plan");
        planButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(kind, name, university, venue, startsAt, endsAt);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        VerticalLayout content = new VerticalLayout(form, planButton);
        content.setPadding(false);
        return content;
    }

    private String unitName() {
        return queries.query(new FindEmployerUnit(recruiter.employerUnitId()),
                        ResponseTypes.optionalInstanceOf(EmployerUnitView.class)).join()
                .map(EmployerUnitView::name)
                .orElseThrow(() -> new DomainRuleViolation("recruiter.noEmployerUnit"));
    }

    private String required(String fieldKey) {
        return getTranslation("validation.required", getTranslation(fieldKey));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("drives.title") + " · " + getTranslation("app.name");
    }
}

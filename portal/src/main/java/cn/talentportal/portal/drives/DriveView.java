package cn.talentportal.portal.drives;

import cn.talentportal.domain.drive.DriveCommands.CancelDrive;
import cn.talentportal.domain.drive.DriveCommands.FeatureOpening;
import cn.talentportal.domain.drive.DriveCommands.MarkDriveHeld;
import cn.talentportal.domain.drive.DriveCommands.RecordAttendance;
import cn.talentportal.domain.opening.OpeningStatus;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.portal.shared.ReadModels;
import cn.talentportal.projections.drive.DriveQueries.CountDriveRegistrations;
import cn.talentportal.projections.drive.DriveQueries.FindDriveOfUnit;
import cn.talentportal.projections.drive.DriveQueries.FindDriveRegistrations;
import cn.talentportal.projections.drive.DriveRegistrationEntry;
import cn.talentportal.projections.drive.DriveSummary;
import cn.talentportal.projections.opening.OpeningQueries.FindOpeningsOfEmployer;
import cn.talentportal.projections.opening.OpeningView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * One drive of the recruiter's unit: what, where and when, the openings it features (the unit's published ones can
 * be added), every registration with attendance recorded per person (a page at a time), and marking it held or
 * cancelling it with a reason. Another unit's drive, or an unknown id, is not shown.
 */
@Route("drives/:driveId")
@RolesAllowed(Role.RECRUITER_ROLE)
public class DriveView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String DRIVE_ID = "driveId";

    private final QueryGateway queries;
    private final Commands commands;
    private final UserAccount recruiter = CurrentUser.require();
    private final Grid<DriveRegistrationEntry> registrations = new Grid<>();
    private final Div header = new Div();
    private DriveSummary drive;

    public DriveView(QueryGateway queries, Commands commands) {
        this.queries = queries;
        this.commands = commands;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RouterLink back = new RouterLink(getTranslation("drive.back"), DrivesView.class);
        back.setId("drive-back");
        add(back);
        Optional<DriveSummary> found = find(event.getRouteParameters().get(DRIVE_ID).orElse(""));
        if (found.isEmpty()) {
            Paragraph notFound = new Paragraph(getTranslation("drive.notFound"));
            notFound.setId("drive-not-found");
            add(notFound);
            return;
        }
        drive = found.get();
        registrations.setId("drive-registrations");
        registrations.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // long texts wrap on a phone
        registrations.addColumn(DriveRegistrationEntry::candidateName).setHeader(getTranslation("drive.candidate"));
        registrations.addColumn(r -> PortalFormats.dateTime(r.registeredAt(), getLocale()))
                .setHeader(getTranslation("drive.registeredAt")).setAutoWidth(true);
        registrations.addComponentColumn(this::attendance).setKey("attendance")
                .setHeader(getTranslation("drive.attendance"));
        registrations.setEmptyStateText(getTranslation("drive.noRegistrations"));
        registrations.setItems(query -> queries.query(new FindDriveRegistrations(drive.driveId(), query.getOffset(),
                        query.getLimit()), ResponseTypes.multipleInstancesOf(DriveRegistrationEntry.class)).join()
                        .stream(),
                query -> queries.query(new CountDriveRegistrations(drive.driveId()), Long.class).join().intValue());
        add(header, new H3(getTranslation("drive.registrations")), registrations);
        showHeader();
    }

    private Optional<DriveSummary> find(String driveId) {
        return driveId.isBlank() ? Optional.empty() : queries.query(new FindDriveOfUnit(driveId,
                recruiter.employerUnitId()), ResponseTypes.optionalInstanceOf(DriveSummary.class)).join();
    }

    private void showHeader() {
        header.removeAll();
        H2 title = new H2(drive.title());
        title.addClassName("portal-title");
        title.setId("drive-name");
        Div facts = new Div();
        facts.addClassName("portal-fields");
        fact(facts, "drive.kind", getTranslation("driveKind." + drive.kind().name()));
        if (drive.university() != null) {
            fact(facts, "drive.university", drive.university());
        }
        fact(facts, "drive.venue", drive.venue());
        fact(facts, "drive.startsAt", PortalFormats.dateTime(drive.startsAt(), getLocale()));
        fact(facts, "drive.endsAt", PortalFormats.dateTime(drive.endsAt(), getLocale()));
        fact(facts, "drive.organiserName", drive.organiserName());
        Span status = fact(facts, "drives.status", getTranslation("driveStatus." + drive.status()));
        status.setId("drive-status");
        if (drive.summary() != null) {
            fact(facts, "drive.summary", drive.summary());
        }
        if (drive.cancelReason() != null) {
            fact(facts, "drive.cancelReason", drive.cancelReason());
        }
        fact(facts, "drives.registrations", getTranslation("drives.counts", drive.registrations(),
                drive.attendance()));
        header.add(title, facts, new H3(getTranslation("drive.featured")), featured());
        if (drive.planned()) {
            Button held = new Button(getTranslation("drive.markHeld"), e -> askAndSend("drive.markHeld",
                    "drive.summary", "drive-summary", false, text -> new MarkDriveHeld(drive.driveId(), text),
                    "drive.heldDone", d -> !d.planned()));
            held.setId("drive-mark-held");
            held.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button cancel = new Button(getTranslation("drive.cancel"), e -> askAndSend("drive.cancel",
                    "drive.cancelReason", "drive-cancel-reason", true, text -> new CancelDrive(drive.driveId(), text),
                    "drive.cancelledDone", d -> !d.planned()));
            cancel.setId("drive-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            HorizontalLayout actions = new HorizontalLayout(held, cancel);
            actions.addClassName("portal-actions");
            header.add(actions);
        }
    }

    private Span fact(Div facts, String key, String value) {
        Span shown = new Span(value == null ? "" : value);
        facts.add(new Span(getTranslation(key)), shown);
        return shown;
    }

    private Component featured() {
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setSpacing(false);
        list.setId("drive-featured");
        drive.featuredOpenings().forEach(o -> list.add(new Span(o.title() + " · " + o.employerName())));
        if (drive.featuredOpenings().isEmpty()) {
            list.add(new Span(getTranslation("drive.noneFeatured")));
        }
        if (drive.planned()) {
            Set<String> already = drive.featuredOpenings().stream().map(DriveSummary.FeaturedOpening::openingId)
                    .collect(Collectors.toSet());
            Select<OpeningView> opening = new Select<>();
            opening.setLabel(getTranslation("drive.featureOpening"));
            opening.setId("drive-feature-opening");
            opening.setItems(queries.query(new FindOpeningsOfEmployer(recruiter.employerUnitId()),
                            ResponseTypes.multipleInstancesOf(OpeningView.class)).join().stream()
                    .filter(o -> o.status() == OpeningStatus.PUBLISHED && !already.contains(o.openingId()))
                    .toList());
            opening.setItemLabelGenerator(o -> o.details().title());
            Button feature = new Button(getTranslation("drive.feature"), e -> {
                if (opening.getValue() == null) {
                    opening.setInvalid(true);
                    opening.setErrorMessage(getTranslation("validation.required",
                            getTranslation("drive.featureOpening")));
                    return;
                }
                String openingId = opening.getValue().openingId();
                send(new FeatureOpening(drive.driveId(), openingId), null, "drive.featuredDone",
                        d -> d.featuredOpenings().stream().anyMatch(f -> f.openingId().equals(openingId)));
            });
            feature.setId("drive-feature");
            HorizontalLayout add = new HorizontalLayout(opening, feature);
            add.setAlignItems(FlexComponent.Alignment.BASELINE);
            add.setWrap(true);
            list.add(add);
        }
        return list;
    }

    private Component attendance(DriveRegistrationEntry entry) {
        if (entry.attended()) {
            Span attended = new Span(getTranslation("drive.attended"));
            attended.addClassName("portal-ok");
            attended.setId("attended-" + entry.candidateId());
            return attended;
        }
        if ("CANCELLED".equals(drive.status())) {
            return new Span();
        }
        Button record = new Button(getTranslation("drive.recordAttendance"), e -> {
            try {
                commands.send(new RecordAttendance(drive.driveId(), entry.candidateId()));
                Notices.success("drive.attendanceRecorded", entry.candidateName());
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
            }
            ReadModels.awaitChange(this::current, d -> d.map(s -> s.attendance() > drive.attendance()).orElse(true))
                    .ifPresent(d -> drive = d);
            registrations.getDataProvider().refreshAll();
            showHeader();
        });
        record.setId("attend-" + entry.candidateId());
        record.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return record;
    }

    /** What the recruiter types in the held or cancel dialog. */
    static class TextDraft {
        String text;
    }

    /**
     * Asks for a text (required when {@code required}, checked as it is typed), then sends the command made of it.
     * A refusal keeps the dialog open with what was typed.
     */
    private void askAndSend(String titleKey, String fieldKey, String fieldId, boolean required,
                            Function<String, Object> command, String doneKey, Predicate<DriveSummary> changed) {
        TextArea text = new TextArea(getTranslation(fieldKey));
        text.setId(fieldId);
        text.setWidthFull();
        text.setMaxLength(required ? 500 : 2000);
        Binder<TextDraft> binder = new Binder<>();
        var binding = binder.forField(text);
        if (required) {
            binding = binding.asRequired(getTranslation("validation.required", getTranslation(fieldKey)));
        }
        binding.bind(d -> d.text, (d, v) -> d.text = v);
        binder.setBean(new TextDraft());
        Dialog dialog = new Dialog(text);
        dialog.setHeaderTitle(getTranslation(titleKey) + " · " + drive.title());
        dialog.setWidth("min(32em, 100vw)");
        Button confirm = new Button(getTranslation(titleKey), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            String value = text.getValue() == null || text.getValue().isBlank() ? null : text.getValue().strip();
            if (send(command.apply(value), required ? value : null, doneKey, changed)) {
                dialog.close();
            }
        });
        confirm.setId(fieldId + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private boolean send(Object command, String reason, String doneKey, Predicate<DriveSummary> changed) {
        try {
            if (reason == null) {
                commands.send(command);
            } else {
                commands.send(command, reason);
            }
            Notices.success(doneKey, drive.title());
            ReadModels.awaitChange(this::current, d -> d.map(changed::test).orElse(true)).ifPresent(d -> drive = d);
            showHeader();
            return true;
        } catch (DomainRuleViolation refusal) {
            Notices.refused(refusal);
            return false;
        }
    }

    private Optional<DriveSummary> current() {
        return find(drive.driveId());
    }

    @Override
    public String getPageTitle() {
        return (drive == null ? "" : drive.title() + " · ") + getTranslation("drives.title") + " · "
                + getTranslation("app.name");
    }
}

package cn.talentportal.portal.scheduling;

import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.shared.PortalFormats;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Date, start time and length of an interview, read in the office's time zone (the times candidates and panels
 * are told). The domain's refusal of a slot (a double booking, a time past) is shown as the time field's error.
 */
final class SlotFields {

    static final List<Integer> LENGTHS_IN_MINUTES = List.of(30, 45, 60, 90, 120, 180, 240);
    static final LocalTime DEFAULT_START = LocalTime.of(10, 0);

    final DatePicker date;
    final TimePicker time;
    final ComboBox<Integer> minutes;
    private boolean refused;

    SlotFields(String idPrefix, Clock clock, InterviewSlot current) {
        date = new DatePicker(text("scheduling.date"));
        date.setId(idPrefix + "-date");
        date.setMin(LocalDate.now(clock.withZone(PortalFormats.OFFICE_ZONE)));
        time = new TimePicker(text("scheduling.time"));
        time.setId(idPrefix + "-time");
        time.setStep(Duration.ofMinutes(15));
        minutes = new ComboBox<>(text("scheduling.duration"), LENGTHS_IN_MINUTES);
        minutes.setId(idPrefix + "-duration");
        minutes.setItemLabelGenerator(length -> text("scheduling.minutes", length));
        if (current == null) {
            date.setValue(LocalDate.now(clock.withZone(PortalFormats.OFFICE_ZONE)).plusDays(1));
            time.setValue(DEFAULT_START);
            minutes.setValue(60);
        } else {
            ZonedDateTime start = current.start().atZone(PortalFormats.OFFICE_ZONE);
            date.setValue(start.toLocalDate());
            time.setValue(start.toLocalTime());
            long length = Duration.between(current.start(), current.end()).toMinutes();
            minutes.setValue(LENGTHS_IN_MINUTES.contains((int) length) ? (int) length : 60);
        }
        // a changed time is a new question: the old refusal no longer answers it
        date.addValueChangeListener(e -> clearRefusal());
        time.addValueChangeListener(e -> clearRefusal());
        minutes.addValueChangeListener(e -> clearRefusal());
    }

    /** The slot the fields name, if all three are filled in. */
    Optional<InterviewSlot> slot() {
        if (date.getValue() == null || time.getValue() == null || minutes.getValue() == null) {
            return Optional.empty();
        }
        Instant start = ZonedDateTime.of(date.getValue(), time.getValue(), PortalFormats.OFFICE_ZONE).toInstant();
        return Optional.of(new InterviewSlot(start, start.plus(Duration.ofMinutes(minutes.getValue()))));
    }

    /** Refusals about the slot itself are shown next to it; the caller notifies the others. */
    static boolean concernsTheSlot(DomainRuleViolation refusal) {
        String key = refusal.messageKey();
        return key.startsWith("interview.participant.") || key.startsWith("interview.slot")
                || key.equals("interview.reschedule.sameSlot");
    }

    void showRefusal(String reason) {
        refused = true;
        time.setErrorMessage(reason);
        time.setInvalid(true);
    }

    /** Only a refusal shown here is cleared; the form's own checks run after this and say their part. */
    void clearRefusal() {
        if (refused) {
            refused = false;
            time.setInvalid(false);
            time.setErrorMessage(null);
        }
    }

    private static String text(String key, Object... args) {
        return com.vaadin.flow.component.UI.getCurrent().getTranslation(key, args);
    }
}

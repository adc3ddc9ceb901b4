package cn.talentportal.infra.mail;

/**
 * One message ready to go: plain text, and optionally an iCalendar file whose METHOD (REQUEST, CANCEL) tells the
 * recipient's calendar to create, update or cancel the entry. {@code notificationId} ties it to its events.
 */
public record OutgoingMail(String notificationId, String to, String toName, String subject, String text,
                           String calendar, String calendarMethod) {

    public boolean hasCalendar() {
        return calendar != null;
    }
}

package cn.talentportal.portal.audit;

import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.ConsentPurpose;
import cn.talentportal.domain.candidate.ScreeningDecision;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewStatus;
import cn.talentportal.domain.notification.NotificationTopic;
import cn.talentportal.domain.notification.RecipientKind;
import cn.talentportal.domain.opening.OpeningStatus;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.outreach.OutreachChannel;
import cn.talentportal.domain.outreach.OutreachResponse;
import cn.talentportal.domain.privacy.ExportFormat;
import cn.talentportal.domain.privacy.PersonalDataCategory;
import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.retention.CardLevel;
import cn.talentportal.domain.retention.ServiceType;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.shared.ActorMetaData;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.application.ApplicationStatus;
import cn.talentportal.projections.application.CandidateStage;
import cn.talentportal.projections.dossier.PolicyVerdict;
import cn.talentportal.projections.dossier.RequestState;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * How an auditor reads a stored value, on screen and in exports alike: enum constants by their translated labels
 * (sector.HEALTH becomes 卫生健康), instants in the office's zone, numbers and dates in the reader's locale.
 * Public for the candidate's own history, which shows stored values the same way.
 */
public final class AuditValues {

    static final Map<Class<?>, String> ENUM_LABELS = Map.ofEntries(
            Map.entry(Education.class, "education."), Map.entry(CandidateSource.class, "source."),
            Map.entry(Sector.class, "sector."), Map.entry(TalentCategory.class, "category."),
            Map.entry(EmployerType.class, "employerType."), Map.entry(OpeningStatus.class, "status."),
            Map.entry(DriveKind.class, "driveKind."), Map.entry(InterviewOutcome.class, "outcome."),
            Map.entry(InterviewStatus.class, "interviewStatus."), Map.entry(AllowanceType.class, "allowanceType."),
            Map.entry(ServiceType.class, "serviceType."), Map.entry(CardLevel.class, "cardLevel."),
            Map.entry(OutreachChannel.class, "outreachChannel."), Map.entry(OutreachResponse.class, "outreachResponse."),
            Map.entry(ScreeningDecision.class, "screening."), Map.entry(CandidateStage.class, "stage."),
            Map.entry(ApplicationStatus.class, "applicationStatus."),
            Map.entry(NotificationTopic.class, "notificationTopic."), Map.entry(RecipientKind.class, "recipientKind."),
            Map.entry(PolicyVerdict.class, "policyVerdict."), Map.entry(RequestState.class, "requestState."),
            Map.entry(PersonalDataCategory.class, "personalData."), Map.entry(ExportFormat.class, "exportFormat."),
            Map.entry(ConsentPurpose.class, "consent.purpose."));

    private final BiFunction<String, Object[], String> translate;
    private final Locale locale;

    /** @param translate a message key and its arguments to the reader's language (a component's getTranslation) */
    public AuditValues(BiFunction<String, Object[], String> translate, Locale locale) {
        this.translate = translate;
        this.locale = locale;
    }

    public String text(String key, Object... args) {
        return translate.apply(key, args);
    }

    Locale locale() {
        return locale;
    }

    /** A person's name as stored; the markers for no signed-in user and for the portal itself are translated. */
    String actor(String storedName) {
        return ActorMetaData.ANONYMOUS.equals(storedName) || ActorMetaData.SYSTEM.equals(storedName)
                ? text("role." + storedName) : storedName == null ? "" : storedName;
    }

    /** A date and time picked in the office's zone as an instant; null when nothing was picked. */
    static Instant officeInstant(LocalDateTime picked) {
        return picked == null ? null : picked.atZone(PortalFormats.OFFICE_ZONE).toInstant();
    }

    public String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> values) {
            return PortalFormats.list(values.stream().map(this::format).sorted().toList(), locale);
        }
        if (value instanceof Enum<?> constant) {
            String prefix = ENUM_LABELS.get(constant.getDeclaringClass());
            return prefix == null ? constant.name() : text(prefix + constant.name());
        }
        if (value instanceof Boolean yes) {
            return text(yes ? "audit.yes" : "audit.no");
        }
        if (value instanceof Instant instant) {
            return PortalFormats.dateTime(instant, locale);
        }
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
        }
        if (value instanceof Integer || value instanceof Long) {
            return String.valueOf(value); // years, counts, yuan amounts: no grouping (2026, not 2,026)
        }
        if (value instanceof Number number) {
            return NumberFormat.getNumberInstance(locale).format(number);
        }
        return String.valueOf(value);
    }
}

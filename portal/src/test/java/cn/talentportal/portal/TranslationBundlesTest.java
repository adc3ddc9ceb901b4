package cn.talentportal.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key exists in both languages, and every key the code names (views, notices, domain refusals) exists.
 * A missing key fails here, not in front of a user.
 */
class TranslationBundlesTest {

    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:getTranslation|Notices\\.success|DomainRuleViolation|super)\\(\\s*\"([a-zA-Z][\\w.]*)\"");

    @Test
    void both_languages_have_the_same_keys_and_no_empty_texts() {
        Properties zh = load("/messages.properties");
        Properties en = load("/messages_en.properties");
        assertThat(en.stringPropertyNames()).as("keys in Chinese but missing in English")
                .containsAll(zh.stringPropertyNames());
        assertThat(zh.stringPropertyNames()).as("keys in English but missing in Chinese")
                .containsAll(en.stringPropertyNames());
        assertThat(zh.values()).noneMatch(v -> v.toString().isBlank());
        assertThat(en.values()).noneMatch(v -> v.toString().isBlank());
    }

    @Test
    void the_english_bundle_contains_no_chinese_and_the_chinese_bundle_is_chinese() {
        Properties zh = load("/messages.properties");
        Properties en = load("/messages_en.properties");
        assertThat(en.stringPropertyNames()).allSatisfy(key ->
                assertThat(en.getProperty(key)).as(key).doesNotContainPattern("\\p{IsHan}"));
        long chinese = zh.stringPropertyNames().stream()
                .filter(key -> zh.getProperty(key).codePoints().anyMatch(c ->
                        Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .count();
        assertThat(chinese).as("Chinese texts").isGreaterThan(zh.size() * 9L / 10);
    }

    @Test
    void every_key_named_in_the_code_is_translated() throws IOException {
        Properties zh = load("/messages.properties");
        Set<String> used = new TreeSet<>();
        for (String module : new String[] {"../domain/src/main/java", "src/main/java"}) {
            try (Stream<Path> files = Files.walk(Path.of(module))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher matcher = KEY_IN_CODE.matcher(Files.readString(file));
                    while (matcher.find()) {
                        if (!matcher.group(1).endsWith(".")) { // prefixes of enum labels: checked below
                            used.add(matcher.group(1));
                        }
                    }
                }
            }
        }
        assertThat(used).as("keys found in code").hasSizeGreaterThan(40);
        assertThat(zh.stringPropertyNames()).as("translations for the keys named in code").containsAll(used);
    }

    /**
     * A Chinese text written into the code would show in Chinese to an English reader: every Chinese literal in the
     * portal's code is one of these, each with its reason.
     */
    @Test
    void no_chinese_text_is_written_into_the_code_instead_of_the_bundles() throws IOException {
        Map<String, String> allowed = Map.of(
                "AppShell.java", "the installed app's name in the web manifest, fixed when the app is built",
                "MainLayout.java", "the language switch offers Chinese in Chinese to an English reader",
                "PortalFormats.java", "the Chinese list separator, chosen by locale",
                "Towns.java", "the district's place names, stored as such in events",
                "DemoData.java", "demo records, data rather than interface");
        Pattern chineseLiteral = Pattern.compile("\"[^\"\\n]*\\p{IsHan}[^\"\\n]*\"");
        Set<String> offenders = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (allowed.containsKey(file.getFileName().toString())) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).replaceFirst("^\\s*(//|\\*|/\\*).*", "").replaceFirst("\\s//.*", "");
                    if (chineseLiteral.matcher(code).find()) {
                        offenders.add(file.getFileName() + ":" + (i + 1) + " " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(offenders).as("Chinese literals outside the bundles").isEmpty();
    }

    @Test
    void every_value_shown_as_a_label_is_translated() {
        Properties zh = load("/messages.properties");
        Map<String, Class<? extends Enum<?>>> labelled = Map.ofEntries(
                Map.entry("education.", cn.talentportal.domain.shared.Education.class),
                Map.entry("sector.", cn.talentportal.domain.shared.Sector.class),
                Map.entry("source.", cn.talentportal.domain.candidate.CandidateSource.class),
                Map.entry("category.", cn.talentportal.domain.opening.TalentCategory.class),
                Map.entry("employerType.", cn.talentportal.domain.employer.EmployerType.class),
                Map.entry("status.", cn.talentportal.domain.opening.OpeningStatus.class),
                Map.entry("driveKind.", cn.talentportal.domain.drive.DriveKind.class),
                Map.entry("outcome.", cn.talentportal.domain.interview.InterviewOutcome.class),
                Map.entry("interviewStatus.", cn.talentportal.domain.interview.InterviewStatus.class),
                Map.entry("allowanceType.", cn.talentportal.domain.retention.AllowanceType.class),
                Map.entry("serviceType.", cn.talentportal.domain.retention.ServiceType.class),
                Map.entry("cardLevel.", cn.talentportal.domain.retention.CardLevel.class),
                Map.entry("requestStatus.", cn.talentportal.projections.retention.ServiceRequestStatus.class),
                Map.entry("outreachChannel.", cn.talentportal.domain.outreach.OutreachChannel.class),
                Map.entry("outreachResponse.", cn.talentportal.domain.outreach.OutreachResponse.class),
                Map.entry("statistics.step.", cn.talentportal.portal.statistics.StatisticsView.Step.class),
                Map.entry("ageBand.", cn.talentportal.projections.statistics.AgeBand.class),
                Map.entry("screening.", cn.talentportal.domain.candidate.ScreeningDecision.class),
                Map.entry("role.", cn.talentportal.portal.security.Role.class),
                Map.entry("stage.", cn.talentportal.projections.application.CandidateStage.class),
                Map.entry("applicationStatus.", cn.talentportal.projections.application.ApplicationStatus.class),
                Map.entry("personalData.", cn.talentportal.domain.privacy.PersonalDataCategory.class),
                Map.entry("exportFormat.", cn.talentportal.domain.privacy.ExportFormat.class),
                Map.entry("policyVerdict.", cn.talentportal.projections.dossier.PolicyVerdict.class),
                Map.entry("requestState.", cn.talentportal.projections.dossier.RequestState.class),
                Map.entry("dossier.change.", cn.talentportal.projections.dossier.DossierDiff.Kind.class),
                Map.entry("accessKind.", cn.talentportal.projections.privacy.AccessTrailEntry.Kind.class),
                Map.entry("notificationTopic.", cn.talentportal.domain.notification.NotificationTopic.class),
                Map.entry("consent.purpose.", cn.talentportal.domain.candidate.ConsentPurpose.class),
                Map.entry("recipientKind.", cn.talentportal.domain.notification.RecipientKind.class),
                Map.entry("integrity.kind.", cn.talentportal.infra.eventstore.chain.ChainBreak.Kind.class),
                Map.entry("integrity.explain.", cn.talentportal.infra.eventstore.chain.ChainBreak.Kind.class));
        labelled.forEach((prefix, type) -> assertThat(zh.stringPropertyNames()).as(type.getSimpleName())
                .containsAll(Arrays.stream(type.getEnumConstants()).map(c -> prefix + c.name()).toList()));
        assertThat(zh.stringPropertyNames()).contains("role.system", "role.anonymous", "stage.SUBMITTED");
    }

    @Test
    void every_event_type_has_a_readable_name_for_auditors() {
        Properties zh = load("/messages.properties");
        List<Class<?>> events = eventHolders().stream()
                .flatMap(holder -> Arrays.stream(holder.getDeclaredClasses()))
                .filter(Class::isRecord)
                .toList();
        assertThat(events).hasSizeGreaterThanOrEqualTo(7);
        assertThat(zh.stringPropertyNames())
                .containsAll(events.stream().map(e -> "event." + e.getSimpleName()).toList());
        assertThat(zh.stringPropertyNames()).as("labels of the fields auditors read")
                .containsAll(events.stream().flatMap(e -> fieldNames(e).stream()).map(f -> "field." + f).toList());
    }

    /** Every {@code *Events} class of the domain, so a new feature's events are checked without editing this test. */
    private static List<Class<?>> eventHolders() {
        Path root = Path.of("../domain/src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith("Events.java"))
                    .map(f -> root.relativize(f).toString().replace('/', '.').replaceFirst("\\.java$", ""))
                    .<Class<?>>map(name -> {
                        try {
                            return Class.forName(name);
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException(name, e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Component names as the audit view shows them: nested records flattened, single-value records whole. */
    private static List<String> fieldNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).flatMap(c -> {
            Class<?> type = c.getType();
            return type.isRecord() && type.getRecordComponents().length > 1
                    ? fieldNames(type).stream() : Stream.of(c.getName());
        }).toList();
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = TranslationBundlesTest.class.getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

package cn.talentportal.portal.history;

import cn.talentportal.domain.candidate.CandidateEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every step of a candidate's own stream reads as a sentence in both languages, naming only fields it has. */
class HistorySentencesTest {

    @Test
    void every_candidate_event_has_a_sentence_whose_placeholders_are_its_fields() {
        List<Class<?>> events = Arrays.stream(CandidateEvents.class.getDeclaredClasses())
                .filter(Class::isRecord).toList();
        assertThat(events).hasSizeGreaterThanOrEqualTo(11);
        for (String bundle : List.of("/messages.properties", "/messages_en.properties")) {
            Properties messages = load(bundle);
            for (Class<?> event : events) {
                String sentence = messages.getProperty(HistorySentences.KEY_PREFIX + event.getSimpleName());
                assertThat(sentence).as(bundle + " " + event.getSimpleName()).isNotBlank();
                List<String> fields = fieldNames(event);
                Matcher placeholder = HistorySentences.PLACEHOLDER.matcher(sentence);
                while (placeholder.find()) {
                    assertThat(fields).as(bundle + " " + event.getSimpleName()).contains(placeholder.group(1));
                }
            }
        }
    }

    /** Component names as the audit's EventFields flattens them: nested records opened, single values whole. */
    private static List<String> fieldNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).flatMap(c -> {
            Class<?> type = c.getType();
            return type.isRecord() && type.getRecordComponents().length > 1
                    ? fieldNames(type).stream() : Stream.of(c.getName());
        }).toList();
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = HistorySentencesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

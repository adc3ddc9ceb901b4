package cn.talentportal.portal.fuzz;

import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.processing.ProcessorStatus;
import cn.talentportal.portal.processing.ReadModelRebuilds;
import cn.talentportal.portal.processing.RebuildProgress;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command record of the domain, built by reflection with hostile values, sent to the running portal as an
 * administrator and as the system: each is accepted or refused with a reason both bundles translate, never fails
 * otherwise; afterwards every event the fuzzing stored deserializes, the live read models are not in error, and two
 * read models rebuilt from the whole store catch up. Seeded (-Dfuzz.seed, -Dfuzz.commands) so a failure reproduces.
 */
class CommandFuzzTest extends PortalTestBase {

    static final long SEED = Long.getLong("fuzz.seed", 20_261_121L);
    static final int COMMANDS = Integer.getInteger("fuzz.commands", 10_000);
    /** Plausible rounds first (so aggregates exist to be attacked), then more and more hostile ones. */
    private static final double[] HOSTILITY = {0, 0.1, 0.3, 1.0};
    private static final Pattern GENERATED_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-.*");
    private static final AnnotationCommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired EventStore eventStore;
    @Autowired ReadModelRebuilds rebuilds;

    @AfterEach
    void nobody() {
        actAsNobody();
    }

    @Test
    void hostile_commands_are_accepted_or_refused_with_a_translated_reason_and_every_stored_event_replays() {
        List<Class<?>> types = commandTypes();
        assertThat(types).hasSizeGreaterThan(50);
        Random random = new Random(SEED);
        Map<String, List<String>> knownIds = new HashMap<>();
        HostileValues values = new HostileValues(random, knownIds);
        UserAccount admin = account(accounts, "fuzz", Role.ADMIN, "模糊测试管理员", null, null);
        Outcomes outcomes = new Outcomes();
        Set<String> touched = new LinkedHashSet<>();
        TrackingToken before = eventStore.createHeadToken();
        long started = System.nanoTime();

        for (int round = 0; outcomes.total() < COMMANDS; round++) {
            double hostility = round < 3 ? 0 : HOSTILITY[round % HOSTILITY.length];
            for (Class<?> type : types) {
                Object command = values.record(type, hostility);
                if (command == null) {
                    continue;
                }
                boolean asSystem = random.nextBoolean();
                String what = Outcomes.describeValue(command) + (asSystem ? " as system" : " as admin");
                try {
                    if (asSystem) {
                        actAsNobody();
                        commands.sendAsSystem(command);
                    } else {
                        actAs(admin);
                        commands.send(command);
                    }
                    outcomes.success();
                    remember(command, knownIds, touched);
                } catch (DomainRuleViolation refusal) {
                    outcomes.refused(refusal.messageKey(), what);
                } catch (RuntimeException failure) {
                    outcomes.failed(type.getSimpleName() + " -> " + failure.getClass().getName() + " at "
                            + firstFrame(failure), what + " -> " + failure);
                }
            }
        }
        actAsNobody();
        System.out.printf("Command fuzzing: %d commands of %d types in %d s%n", outcomes.total(), types.size(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        System.out.println(outcomes.summary("Command fuzzing", SEED));
        System.out.println("  value objects refusing while commands were built: " + values.constructionRefusals());

        assertThat(values.constructionFailures()).as("value objects failing otherwise than with a refusal")
                .isEmpty();
        assertThat(Outcomes.missingKeys(values.constructionRefusals().keySet())).as("untranslated refusals")
                .isEmpty();
        assertThat(outcomes.total()).isGreaterThanOrEqualTo(COMMANDS);
        assertThat(outcomes.successes()).as("commands accepted, so the later ones meet real aggregates")
                .isGreaterThan(COMMANDS / 20);
        assertThat(outcomes.failures()).as(outcomes.summary("Command fuzzing", SEED)).isEmpty();

        everyStoredEventDeserializes(before);
        everyTouchedStreamReads(touched);
        theLiveReadModelsAreNotInError();
        for (String readModel : List.of("openings", "candidates")) {
            RebuildProgress rebuilt = rebuilds.rebuild(readModel);
            rebuilt = eventually(() -> rebuilds.progress(readModel).orElseThrow(), RebuildProgress::finished,
                    readModel + " rebuilt");
            assertThat(rebuilt.error()).as(readModel + " rebuilt without error").isNull();
            assertThat(rebuilt.done()).isEqualTo(rebuilt.total());
        }
        theLiveReadModelsAreNotInError();
    }

    private void everyStoredEventDeserializes(TrackingToken before) {
        long head = eventStore.createHeadToken().position().orElseThrow();
        int read = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(before)) {
            while (stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                assertThat(event.getPayload()).as("payload of event %s", event.getIdentifier()).isNotNull();
                event.getMetaData().size();
                read++;
                if (event.trackingToken().position().orElseThrow() >= head) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        System.out.printf("  %d events stored by the fuzzing read back and deserialized%n", read);
        assertThat(read).isPositive();
    }

    private void everyTouchedStreamReads(Set<String> touched) {
        // loading a stream scans the embedded store, so a sample of the aggregates the fuzzing changed
        List<String> sample = touched.stream().limit(300).toList();
        long events = sample.stream().mapToLong(id -> eventStore.readEvents(id).asStream()
                .peek(event -> assertThat(event.getPayload()).isNotNull()).count()).sum();
        System.out.printf("  %d aggregate streams read back, %d events%n", sample.size(), events);
        assertThat(events).isGreaterThanOrEqualTo(sample.size());
    }

    private void theLiveReadModelsAreNotInError() {
        long head = eventStore.createHeadToken().position().orElseThrow();
        eventually(rebuilds::processors, processors -> processors.stream().allMatch(p -> p.error()
                        || p.position() != null && p.position() >= head), "every read model caught up");
        assertThat(rebuilds.processors()).as("read models that failed on the fuzzed events")
                .filteredOn(ProcessorStatus::error).isEmpty();
    }

    /** Ids of what a command created become targets of later commands; streams it changed are read back. */
    private static void remember(Object command, Map<String, List<String>> knownIds, Set<String> touched) {
        try {
            touched.add(TARGETS.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier());
        } catch (IllegalArgumentException noTarget) {
            // handled by a command handler outside an aggregate: its ids are remembered below
        }
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            if (component.getType() == String.class && component.getName().endsWith("Id")) {
                Object id = accessor(component, command);
                if (id instanceof String text && GENERATED_ID.matcher(text).matches()) {
                    List<String> known = knownIds.computeIfAbsent(component.getName(), name -> new ArrayList<>());
                    if (known.size() < 40 && !known.contains(text)) {
                        known.add(text);
                    }
                }
            }
        }
    }

    private static Object accessor(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstFrame(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + " " + Arrays.stream(root.getStackTrace()).findFirst()
                .map(StackTraceElement::toString).orElse("?");
    }

    /** Every command record in the domain's {@code *Commands} classes, so new commands are fuzzed unasked. */
    static List<Class<?>> commandTypes() {
        Path root = Path.of("../domain/src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith("Commands.java"))
                    .map(f -> root.relativize(f).toString().replace('/', '.').replaceFirst("\\.java$", ""))
                    .sorted()
                    .<Class<?>>map(name -> {
                        try {
                            return Class.forName(name);
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException(name, e);
                        }
                    })
                    .flatMap(holder -> Arrays.stream(holder.getDeclaredClasses()))
                    .filter(Class::isRecord)
                    .sorted(Comparator.comparing(Class::getName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

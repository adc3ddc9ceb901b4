package cn.talentportal.portal.journey;

import cn.talentportal.domain.candidate.CandidateCommands.SignContract;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.journey.JourneySteps.Graduate;
import cn.talentportal.portal.journey.JourneySteps.Unit;
import cn.talentportal.portal.shared.Commands;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty graduates apply at once to an opening for five; all are interviewed, recommended and accept their offers;
 * then all sign at the same moment. Exactly five contracts are signed and the other forty-five are refused with a
 * clear reason, with nothing half-stored on either side.
 */
class HeadcountUnderConcurrencyTest extends PortalTestBase {

    static final int CANDIDATES = 50;
    static final int HEADCOUNT = 5;

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired EventStore eventStore;
    @Autowired TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
        actAsNobody();
    }

    @Test
    void fifty_signing_at_once_for_five_seats_end_with_exactly_five_contracts() throws Exception {
        JourneySteps steps = new JourneySteps(commands, accounts, clock);
        Unit school = steps.schoolWithRecruiters("县实验小学");
        String rubricId = steps.defineRubric(school.admin());
        String openingId = steps.publishOpening(school, "小学数学教师", HEADCOUNT);
        List<Graduate> graduates = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            graduates.add(steps.selfRegistered("毕业生" + i));
        }

        List<String> applications = all(graduates, graduate -> steps.apply(graduate, openingId));
        assertThat(applications).doesNotContainNull().doesNotHaveDuplicates();

        Instant firstSlot = clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        List<String> interviews = new ArrayList<>();
        List<InterviewSlot> slots = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            steps.screenIn(school, graduates.get(i), applications.get(i));
            Instant start = firstSlot.plus(Duration.ofHours(i));
            slots.add(new InterviewSlot(start, start.plus(Duration.ofMinutes(45))));
            interviews.add(steps.scheduleInterview(school, graduates.get(i), applications.get(i), rubricId,
                    slots.get(i)));
        }
        clock.advance(Duration.ofDays(4));
        for (int i = 0; i < CANDIDATES; i++) {
            steps.holdAndRecommend(school, interviews.get(i), slots.get(i));
            steps.offerAccepted(school, graduates.get(i), applications.get(i), interviews.get(i));
        }

        List<String> outcomes = all(graduates, graduate -> {
            actAs(school.recruiter());
            String applicationId = applications.get(graduates.indexOf(graduate));
            try {
                commands.send(new SignContract(graduate.candidateId(), applicationId, 5));
                return "signed";
            } catch (DomainRuleViolation refusal) {
                return refusal.messageKey();
            }
        });

        assertThat(outcomes).filteredOn("signed"::equals).hasSize(HEADCOUNT);
        assertThat(outcomes).filteredOn(outcome -> !outcome.equals("signed"))
                .hasSize(CANDIDATES - HEADCOUNT).containsOnly("signing.opening.full");
        assertThat(types(openingId)).filteredOn("OpeningSeatTaken"::equals).hasSize(HEADCOUNT);
        assertThat(types(openingId)).endsWith("OpeningFilled");
        long contracts = graduates.stream().filter(g -> types(g.candidateId()).contains("ContractSigned")).count();
        assertThat(contracts).isEqualTo(HEADCOUNT);
        for (int i = 0; i < CANDIDATES; i++) {
            List<String> stream = types(graduates.get(i).candidateId());
            assertThat(stream.getLast()).as("last event of %s", graduates.get(i).name())
                    .isEqualTo(outcomes.get(i).equals("signed") ? "ContractSigned" : "OfferAccepted");
        }
    }

    /** Runs the step for every graduate at the same moment, one thread each, and returns the results in order. */
    private static <T> List<T> all(List<Graduate> graduates, Function<Graduate, T> step) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(graduates.size());
        try {
            CountDownLatch startTogether = new CountDownLatch(1);
            List<Future<T>> results = new ArrayList<>();
            for (Graduate graduate : graduates) {
                Callable<T> task = () -> {
                    startTogether.await();
                    try {
                        return step.apply(graduate);
                    } finally {
                        actAsNobody();
                    }
                };
                results.add(threads.submit(task));
            }
            startTogether.countDown();
            List<T> values = new ArrayList<>();
            for (Future<T> result : results) {
                values.add(result.get());
            }
            return values;
        } finally {
            threads.shutdownNow();
        }
    }

    private List<String> types(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayloadType)
                .map(Class::getSimpleName).toList();
    }
}

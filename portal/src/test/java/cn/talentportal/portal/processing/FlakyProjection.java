package cn.talentportal.portal.processing;

import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A test projection that fails the first time it sees a candidate whose name starts with {@value #FAIL_ONCE}, the
 * way a projection fails while its store is briefly unreachable.
 */
@Component
@ProcessingGroup("flaky-test-projection")
public class FlakyProjection {

    static final String FAIL_ONCE = "FAIL-ONCE";
    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final Map<String, Boolean> handled = new ConcurrentHashMap<>();

    @EventHandler
    void on(CandidateRegistered event) {
        int attempt = attempts.computeIfAbsent(event.candidateId(), id -> new AtomicInteger()).incrementAndGet();
        if (event.fullName().startsWith(FAIL_ONCE) && attempt == 1) {
            throw new IllegalStateException("read model store unreachable (simulated)");
        }
        handled.put(event.candidateId(), true);
    }
}

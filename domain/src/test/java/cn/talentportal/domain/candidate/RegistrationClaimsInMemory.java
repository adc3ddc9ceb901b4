package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.RegistrationClaims.ExistingRegistration;
import cn.talentportal.domain.candidate.RegistrationClaims.RegistrationKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The registration claims port on a map, for tests of the candidate alone. */
public class RegistrationClaimsInMemory implements RegistrationClaims {

    private record Holder(String candidateId, CandidateSource source) {
    }

    private final Map<RegistrationKey, Holder> holders = new HashMap<>();

    @Override
    public synchronized Optional<ExistingRegistration> claim(String candidateId, CandidateSource source,
                                                             Collection<RegistrationKey> keys) {
        for (RegistrationKey key : keys) {
            Holder holder = holders.get(key);
            if (holder != null && !holder.candidateId().equals(candidateId)) {
                return Optional.of(new ExistingRegistration(key.kind(), holder.source()));
            }
        }
        keys.forEach(key -> holders.put(key, new Holder(candidateId, source)));
        return Optional.empty();
    }

    @Override
    public synchronized void releaseAll(String candidateId) {
        holders.values().removeIf(holder -> holder.candidateId().equals(candidateId));
    }

    @Override
    public synchronized Optional<String> holderOf(RegistrationKey key) {
        return Optional.ofNullable(holders.get(key)).map(Holder::candidateId);
    }
}

package cn.talentportal.infra.eventstore.chain;

/** Told how far a whole-store verification has come (every few thousand events, from the verifying thread). */
@FunctionalInterface
public interface VerificationProgress {

    VerificationProgress NONE = (checked, globalIndex, lastGlobalIndex) -> {
    };

    /**
     * @param eventsChecked   events checked so far
     * @param globalIndex     the global index reached
     * @param lastGlobalIndex the last global index the verification will read
     */
    void progress(long eventsChecked, long globalIndex, long lastGlobalIndex);
}

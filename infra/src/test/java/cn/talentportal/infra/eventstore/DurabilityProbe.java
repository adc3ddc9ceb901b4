package cn.talentportal.infra.eventstore;

import java.nio.file.Path;

/**
 * Child-process side of {@link KillDashNineDurabilityTest}: opens the embedded store in the given directory and
 * appends single-event commits forever, printing {@code ACK <sequenceNumber> <globalIndex>} after each returns.
 */
public final class DurabilityProbe {

    static final String AGGREGATE = "candidate-durable";

    public static void main(String[] args) {
        EmbeddedStore store = new EmbeddedStore(Path.of(args[0]));
        MongoLookupEventStorageEngine engine = store.engine();
        GlobalIndexSequence sequence = store.sequence();
        System.out.println("READY");
        System.out.flush();
        for (long sequenceNumber = 0; ; sequenceNumber++) {
            engine.appendEvents(TestEvents.noted(AGGREGATE, sequenceNumber));
            // The only writer: the counter is this event's global index.
            System.out.println("ACK " + sequenceNumber + " " + sequence.lastAllocated());
            System.out.flush();
        }
    }

    private DurabilityProbe() {
    }
}

package cn.talentportal.portal.processing;

/** A rebuild that may not start: the group is not rebuildable, or a rebuild of it is already running. */
public class RebuildRefusedException extends RuntimeException {

    public enum Reason { NOT_REBUILDABLE, ALREADY_RUNNING }

    private final Reason reason;

    public RebuildRefusedException(String processingGroup, Reason reason) {
        super("rebuild of " + processingGroup + " refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

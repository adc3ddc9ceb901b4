package cn.talentportal.portal.processing;

/**
 * One event processor as administrators see it: running, in error (with the error), its position in the store, how
 * many events it lags behind the head, whether it is replaying, and whether they may rebuild it.
 */
public record ProcessorStatus(String name, boolean running, boolean error, String lastError, Long position,
                              Long lag, boolean replaying, boolean rebuildable) {
}

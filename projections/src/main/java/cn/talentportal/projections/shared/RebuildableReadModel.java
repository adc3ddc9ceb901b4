package cn.talentportal.projections.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read model whose processing group an administrator may rebuild from the event store while the portal runs
 * (docs/decisions/0019-read-model-rebuilds.md). The class clears everything it writes in an
 * {@link org.axonframework.eventhandling.ResetHandler @ResetHandler}, so resetting its processor's tokens is all a
 * rebuild needs, and every handler is idempotent and sends nothing: replaying the whole store has no effect outside
 * its own collections. Processes that send mail or commands, and the search indexes with their own versioning, are
 * not marked.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RebuildableReadModel {
}

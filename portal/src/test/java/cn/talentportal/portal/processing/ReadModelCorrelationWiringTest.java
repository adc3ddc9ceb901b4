package cn.talentportal.portal.processing;

import cn.talentportal.infra.axon.ReadModelCorrelation;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.notification.MailDelivery;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the running portal, the processors of the rebuildable read models compute no correlation data and the
 * processes that send commands or mail do (decision 0032).
 */
class ReadModelCorrelationWiringTest extends PortalTestBase {

    @Autowired EventProcessingConfiguration processing;
    @Autowired ReadModelRebuilds rebuilds;

    @Test
    void readModelsAreMarkedAndProcessesAreNot() {
        assertThat(rebuilds.rebuildable()).contains("candidates", "application-journeys", "openings");
        for (String readModel : rebuilds.rebuildable()) {
            assertThat(processor(readModel).getHandlerInterceptors()).as(readModel)
                    .contains(ReadModelCorrelation.READ_MODEL);
        }
        for (String process : new String[] {"job-alerts", MailDelivery.PROCESSING_GROUP}) {
            assertThat(processor(process).getHandlerInterceptors()).as(process)
                    .doesNotContain(ReadModelCorrelation.READ_MODEL);
        }
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(name).orElseThrow(() -> new AssertionError("no processor " + name));
    }
}

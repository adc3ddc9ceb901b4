package cn.talentportal.infra.search;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The search engine's configuration alone, without auto-configuration (Axon, Mongo...), as the portal wires it. */
@Configuration(proxyBeanMethods = false)
@Import({ SearchEngineConfiguration.class, SearchEngineHealthConfiguration.class })
class SearchOnlyTestApplication {
}

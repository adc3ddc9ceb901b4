package cn.talentportal.infra.search;

import java.nio.file.Path;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the search engine's configuration alone (the embedded node in a child JVM) for tests in other packages. */
public final class SearchOnlyTestSupport {

    private SearchOnlyTestSupport() {
    }

    public static ConfigurableApplicationContext start(Path dataDir, String... properties) {
        return new SpringApplicationBuilder(SearchOnlyTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("talent.data-dir=" + dataDir)
                .properties(properties)
                .run();
    }
}

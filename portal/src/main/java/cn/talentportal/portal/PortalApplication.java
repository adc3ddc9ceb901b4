package cn.talentportal.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The talent portal: one Spring Boot application over the domain, projections and infrastructure modules. */
@SpringBootApplication(scanBasePackages = "cn.talentportal")
public class PortalApplication {

    public static void main(String[] args) {
        // Axon's update checker would call a host outside the office's network at every start.
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
        SpringApplication.run(PortalApplication.class, args);
    }
}

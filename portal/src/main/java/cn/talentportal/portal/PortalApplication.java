package cn.talentportal.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The talent portal: one Spring Boot application over the domain, projections and infrastructure modules. */
@SpringBootApplication(scanBasePackages = "cn.talentportal")
public class PortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }
}

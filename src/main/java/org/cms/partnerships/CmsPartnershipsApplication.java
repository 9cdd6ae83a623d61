package org.cms.partnerships;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The CMS Secretariat's partnership workflows: Camunda 7 engine, webapps, REST API and the register. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CmsPartnershipsApplication {

    public static void main(String[] args) {
        SpringApplication.run(CmsPartnershipsApplication.class, args);
    }
}

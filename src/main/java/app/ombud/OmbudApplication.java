package app.ombud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Ombud: complaints, escalations, test calls and internal quality verdicts for call centers. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OmbudApplication {

    public static void main(String[] args) {
        SpringApplication.run(OmbudApplication.class, args);
    }
}

package org.tacit;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.tacit.cli.Cli;

/**
 * Tacit, a knowledge management platform. The same jar serves the web application and runs the
 * command-line commands; {@link Cli} decides which from the arguments.
 */
// beans are named by their full class name: modules may each have their own LinkService
@SpringBootApplication(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@EnableScheduling
public class TacitApplication {

	public static void main(String[] args) {
		int code = Cli.run(TacitApplication.class, args);
		if (code != Cli.KEEP_RUNNING) {
			System.exit(code);
		}
	}
}

package org.tacit.processes.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tacit.organizations.NavLink;

/** The process maps' place in the main navigation. */
@Configuration(proxyBeanMethods = false)
class ProcessNavigation {

	@Bean
	NavLink processesLink() {
		return NavLink.of(50, "processes", "nav.processes");
	}
}

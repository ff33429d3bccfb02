package org.tacit.measurement.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tacit.organizations.NavLink;

/** The KM dashboard in the main navigation. */
@Configuration(proxyBeanMethods = false)
class MeasurementNavigation {

	@Bean
	NavLink measurementLink() {
		return NavLink.of(80, "measurement", "nav.measurement");
	}
}

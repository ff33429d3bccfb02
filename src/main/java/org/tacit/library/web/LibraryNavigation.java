package org.tacit.library.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tacit.organizations.NavLink;

/** The library's places in the main navigation. */
@Configuration(proxyBeanMethods = false)
class LibraryNavigation {

	@Bean
	NavLink libraryLink() {
		return NavLink.of(10, "spaces", "nav.library");
	}

	@Bean
	NavLink reviewLink() {
		return NavLink.of(20, "review", "nav.review");
	}
}

package org.tacit.communities.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tacit.organizations.NavLink;

/** The communities' place in the main navigation. */
@Configuration(proxyBeanMethods = false)
class CommunityNavigation {

	@Bean
	NavLink communitiesLink() {
		return NavLink.of(40, "communities", "nav.communities");
	}
}

package org.tacit.distribution.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tacit.distribution.Distribution;
import org.tacit.organizations.NavLink;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Role;

/**
 * Announcements and (for administrators) webhooks and mail in the navigation, and the unread count in the
 * header of every organization page: added after the page's handler set the organization.
 */
@Configuration(proxyBeanMethods = false)
class DistributionNavigation implements WebMvcConfigurer {

	private final org.springframework.beans.factory.ObjectProvider<Distribution> distribution;

	DistributionNavigation(org.springframework.beans.factory.ObjectProvider<Distribution> distribution) {
		this.distribution = distribution;
	}

	@Bean
	NavLink announcementsLink() {
		return NavLink.of(80, "announcements", "nav.distribution.announcements");
	}

	@Bean
	NavLink distributionAdminLink() {
		return new NavLink(95, "webhooks", "nav.distribution.admin", Role.ADMIN);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView view) {
				if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
					return;
				}
				if (view.getModel().get("currentOrg") instanceof OrgAccess access) {
					view.addObject("distributionUnread", distribution.getObject().unreadCount(access));
				}
			}
		}).addPathPatterns("/o/**");
	}
}

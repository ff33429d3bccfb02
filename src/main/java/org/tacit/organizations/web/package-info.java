/** The browser pages of organizations and access: setup, sign-in, organizations, members, audit log, account. */
package org.tacit.organizations.web;

/** Sign-in, sessions, API tokens and the rules of who may reach which URL. */
package org.tacit.organizations.security;

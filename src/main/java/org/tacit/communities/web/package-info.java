/** The pages of communities: directory, home, charter editor, members, discussions and Q&A. */
package org.tacit.communities.web;

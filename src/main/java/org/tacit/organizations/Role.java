package org.tacit.organizations;

/** A person's role in one organization, from most to least powerful. */
public enum Role {

	ADMIN, KNOWLEDGE_MANAGER, EDITOR, CONTRIBUTOR, VIEWER;

	/** Whether this role may do what {@code required} may do. */
	public boolean atLeast(Role required) {
		return ordinal() <= required.ordinal();
	}
}

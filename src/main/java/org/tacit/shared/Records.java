package org.tacit.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every module's records by type and id ({@link RecordLookup}): for links between modules. */
@Component
public class Records {

	private final ObjectProvider<RecordLookup> lookups;
	private volatile Map<String, RecordLookup> byType;

	Records(ObjectProvider<RecordLookup> lookups) {
		this.lookups = lookups;
	}

	/** The record as {@code viewer} may see it (null: a trusted check within the organization); empty if unknown. */
	public Optional<RecordRef> find(UUID org, String type, String id, UUID viewer) {
		if (org == null || type == null || id == null) {
			return Optional.empty();
		}
		RecordLookup lookup = byType().get(type);
		return lookup == null ? Optional.empty() : lookup.find(org, type, id, viewer);
	}

	/** Every type some module can find. */
	public Set<String> types() {
		return byType().keySet();
	}

	/**
	 * A link a person wants to make: the record must exist in the organization and be visible to them.
	 * Otherwise 400 on {@code field}, without saying whether the record exists elsewhere.
	 */
	public RecordRef require(UUID org, String type, String id, UUID viewer, String field) {
		if (type == null || !byType().containsKey(type)) {
			throw ProblemException.invalid(field, "record.type.unknown", String.join(", ", new java.util.TreeSet<>(types())));
		}
		return find(org, type, id, viewer).orElseThrow(() -> ProblemException.invalid(field, "record.unknown"));
	}

	private Map<String, RecordLookup> byType() {
		Map<String, RecordLookup> types = byType;
		if (types == null) {
			types = new HashMap<>();
			for (RecordLookup lookup : lookups) {
				for (String type : lookup.types()) {
					if (types.put(type, lookup) != null) {
						throw new IllegalStateException("Two modules answer for records of type " + type);
					}
				}
			}
			byType = Map.copyOf(types);
		}
		return types;
	}
}

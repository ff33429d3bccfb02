package org.tacit.search.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Role;
import org.tacit.shared.ProblemException;

/**
 * The synonyms an organization's knowledge managers edit. Searches read them from a per-organization
 * cache that a change empties (one node; a cluster would need an event).
 */
@Service
public class SynonymService {

	public static final int MAX_ENTRIES = 500;
	public static final int MAX_SYNONYMS = 20;
	public static final int MAX_LENGTH = 100;

	private final SynonymStore store;
	private final AuditLog audit;
	private final TransactionTemplate transactions;
	private final Map<UUID, Synonyms> cache = new ConcurrentHashMap<>();

	SynonymService(SynonymStore store, AuditLog audit, TransactionTemplate transactions) {
		this.store = store;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** Any member may read the list: it explains why a search found what it found. */
	public List<Synonyms.Entry> list(OrgAccess access) {
		return store.list(access.orgId().value());
	}

	/** The synonyms that expand this organization's searches. */
	public Synonyms synonyms(UUID org) {
		return cache.computeIfAbsent(org, id -> Synonyms.of(store.list(id)));
	}

	/** Replaces the whole list after checking every entry; knowledge managers and administrators only. */
	public List<Synonyms.Entry> replace(OrgAccess access, List<Synonyms.Entry> entries) {
		access.require(Role.KNOWLEDGE_MANAGER);
		List<Synonyms.Entry> clean = check(entries);
		UUID org = access.orgId().value();
		transactions.executeWithoutResult(status -> {
			store.replace(org, clean);
			audit.record(access.orgId(), "search.synonyms.changed", "synonyms", org.toString(),
					clean.size() + " terms");
		});
		cache.remove(org);
		return clean;
	}

	/** Trimmed, lower-cased entries, or 400 with the entry at fault. */
	static List<Synonyms.Entry> check(List<Synonyms.Entry> entries) {
		if (entries == null) {
			throw ProblemException.invalid("synonyms", "problem.field.required");
		}
		if (entries.size() > MAX_ENTRIES) {
			throw ProblemException.invalid("synonyms", "search.synonyms.tooMany", MAX_ENTRIES);
		}
		List<Synonyms.Entry> clean = new ArrayList<>();
		Set<String> terms = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			Synonyms.Entry entry = entries.get(i);
			int number = i + 1;
			String field = "[" + i + "]";
			String term = entry == null ? "" : clean(entry.term());
			if (term.isEmpty() || Analysis.terms(term).isEmpty()) {
				throw ProblemException.invalid(field + ".term", "search.synonyms.term.required", number);
			}
			if (term.length() > MAX_LENGTH) {
				throw ProblemException.invalid(field + ".term", "search.synonyms.term.long", number, MAX_LENGTH);
			}
			if (!allowed(term)) {
				throw ProblemException.invalid(field + ".term", "search.synonyms.chars", number);
			}
			if (!terms.add(term)) {
				throw ProblemException.invalid(field + ".term", "search.synonyms.duplicate", number, term);
			}
			Set<String> synonyms = new LinkedHashSet<>();
			for (String synonym : entry.synonyms() == null ? List.<String>of() : entry.synonyms()) {
				String s = clean(synonym);
				if (s.length() > MAX_LENGTH) {
					throw ProblemException.invalid(field + ".synonyms", "search.synonyms.long", number, term, MAX_LENGTH);
				}
				if (!allowed(s)) {
					throw ProblemException.invalid(field + ".synonyms", "search.synonyms.chars", number);
				}
				if (!s.isEmpty() && !s.equals(term) && !Analysis.terms(s).isEmpty()) {
					synonyms.add(s);
				}
			}
			if (synonyms.isEmpty()) {
				throw ProblemException.invalid(field + ".synonyms", "search.synonyms.none", number, term);
			}
			if (synonyms.size() > MAX_SYNONYMS) {
				throw ProblemException.invalid(field + ".synonyms", "search.synonyms.many", number, term, MAX_SYNONYMS);
			}
			clean.add(new Synonyms.Entry(term, List.copyOf(synonyms)));
		}
		return clean;
	}

	private static String clean(String value) {
		return value == null ? "" : value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	private static boolean allowed(String value) {
		return value.chars().noneMatch(c -> c == ',' || c == ':' || Character.isISOControl(c));
	}

	/** The list as the page's text area shows it: a line per term, {@code term: synonym, synonym}. */
	public static String format(List<Synonyms.Entry> entries) {
		StringBuilder text = new StringBuilder();
		entries.forEach(e -> text.append(e.term()).append(": ").append(String.join(", ", e.synonyms())).append('\n'));
		return text.toString();
	}

	/** Reads the text area; blank lines are skipped. */
	public static List<Synonyms.Entry> parse(String text) {
		List<Synonyms.Entry> entries = new ArrayList<>();
		String[] lines = (text == null ? "" : text).split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon < 0) {
				throw ProblemException.invalid("synonyms", "search.synonyms.line", i + 1);
			}
			List<String> synonyms = java.util.Arrays.stream(line.substring(colon + 1).split(","))
				.map(String::strip)
				.filter(s -> !s.isEmpty())
				.toList();
			entries.add(new Synonyms.Entry(line.substring(0, colon), synonyms));
		}
		return entries;
	}
}

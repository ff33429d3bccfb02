package org.tacit.recognition.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.recognition.KudosGiven;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;
import org.tacit.shared.Sql;

/**
 * Kudos: any member thanks another active member (not themselves) for a specific piece of help, with a
 * message and optionally a record it was about. Kudos are public within the organization (they show
 * on the receiver's page) and are a ledger entry of the receiver.
 */
@Service
public class KudosService implements LedgerSource {

	public static final int MESSAGE_MAX = 1000;
	static final String TYPE = "kudos";

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final Records records;
	private final Ledger ledger;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	KudosService(JdbcClient jdbc, Organizations organizations, Records records, Ledger ledger, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.records = records;
		this.ledger = ledger;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** What a member sends: the receiver (id or email), the message, and optionally a record (type optional). */
	public record NewKudos(String to, String message, String recordType, String recordId) {
	}

	/** Kudos as shown: who thanked whom, for what, about which record (null title: hidden from the viewer). */
	public record Kudos(UUID id, PersonId from, String fromName, PersonId to, String toName, String message, Shown record,
			Instant at) {
	}

	@Transactional
	public Kudos give(OrgAccess caller, NewKudos kudos) {
		if (kudos == null || kudos.to() == null || kudos.to().isBlank()) {
			throw ProblemException.invalid("to", "recognition.kudos.to.missing");
		}
		Organizations.Member to = organizations.findMember(caller.orgId(), kudos.to().strip())
			.filter(Organizations.Member::active)
			.orElseThrow(() -> ProblemException.invalid("to", "recognition.kudos.to.unknown"));
		if (to.id().equals(caller.personId())) {
			throw ProblemException.invalid("to", "recognition.kudos.to.self");
		}
		String message = kudos.message() == null ? "" : kudos.message().strip();
		if (message.isEmpty()) {
			throw ProblemException.invalid("message", "recognition.kudos.message.missing");
		}
		if (message.length() > MESSAGE_MAX) {
			throw ProblemException.invalid("message", "recognition.kudos.message.long", MESSAGE_MAX);
		}
		RecordRef record = record(caller, kudos.recordType(), kudos.recordId());
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO recognition_kudos (id, org_id, from_id, to_id, message, record_type, record_id, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caller.orgId().value(), caller.personId().value(), to.id().value(), message,
					record == null ? null : record.type(), record == null ? null : record.id(), Sql.utc(now))
			.update();
		ledger.append(caller.orgId(), List.of(entry(id, to.id(), caller.personId(), now)));
		audit.record(caller.orgId(), "recognition.kudos-given", "person", to.id().toString(), "kudos from " + caller.personId());
		events.publishEvent(new KudosGiven(caller.orgId(), id, caller.personId(), to.id()));
		return get(caller, id);
	}

	/** The record the kudos is about: its type if given, else the one type whose record has this id. */
	private RecordRef record(OrgAccess caller, String type, String id) {
		if (id == null || id.isBlank()) {
			if (type != null && !type.isBlank()) {
				throw ProblemException.invalid("recordId", "recognition.kudos.record.missing");
			}
			return null;
		}
		String recordId = id.strip();
		if (type != null && !type.isBlank()) {
			return records.require(caller.orgId().value(), type.strip(), recordId, caller.personId().value(), "recordId");
		}
		for (String candidate : new java.util.TreeSet<>(records.types())) {
			var found = records.find(caller.orgId().value(), candidate, recordId, caller.personId().value());
			if (found.isPresent()) {
				return found.get();
			}
		}
		throw ProblemException.invalid("recordId", "record.unknown");
	}

	private static Entry entry(UUID kudos, PersonId to, PersonId from, Instant at) {
		return new Entry(to, EntryKind.KUDOS_RECEIVED, TYPE, kudos.toString(), from, null, at, "kudos:" + kudos);
	}

	@Transactional(readOnly = true)
	public Kudos get(OrgAccess caller, UUID id) {
		return list(caller, "AND id = ?", id, Paging.first()).items().stream().findFirst()
			.orElseThrow(ProblemException::notFound);
	}

	/** Kudos a person received, newest first (every member may read them). */
	@Transactional(readOnly = true)
	public Page<Kudos> received(OrgAccess caller, PersonId person, Paging paging) {
		return list(caller, "AND to_id = ?", person.value(), paging);
	}

	/** Kudos a person received in a period, newest first. */
	@Transactional(readOnly = true)
	public Page<Kudos> received(OrgAccess caller, PersonId person, Period period, Paging paging) {
		return list(caller, "AND to_id = ? AND created_at >= ? AND created_at < ?", List.of(person.value(),
				Sql.utc(period.start()), Sql.utc(period.end())), paging);
	}

	private Page<Kudos> list(OrgAccess caller, String condition, Object parameter, Paging paging) {
		List<?> params = parameter instanceof List<?> list ? list : List.of(parameter);
		long total = jdbc.sql("SELECT COUNT(*) FROM recognition_kudos WHERE org_id = ? " + condition)
			.param(caller.orgId().value())
			.params(params)
			.query(Long.class)
			.single();
		record Row(UUID id, PersonId from, PersonId to, String message, String type, String recordId, Instant at) {
		}
		List<Row> rows = jdbc.sql("SELECT * FROM recognition_kudos WHERE org_id = ? " + condition
				+ " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
			.param(caller.orgId().value())
			.params(params)
			.param(paging.size())
			.param(paging.offset())
			.query((rs, n) -> new Row(Sql.uuid(rs, "id"), new PersonId(Sql.uuid(rs, "from_id")),
					new PersonId(Sql.uuid(rs, "to_id")), rs.getString("message"), rs.getString("record_type"),
					rs.getString("record_id"), Sql.instant(rs, "created_at")))
			.list();
		Set<PersonId> people = new java.util.HashSet<>();
		rows.forEach(row -> {
			people.add(row.from());
			people.add(row.to());
		});
		Map<PersonId, String> names = organizations.names(people);
		List<Kudos> kudos = rows.stream().map(row -> {
			Shown record = null;
			if (row.type() != null) {
				RecordRef ref = records.find(caller.orgId().value(), row.type(), row.recordId(), caller.personId().value())
					.orElse(null);
				record = new Shown(row.type(), row.recordId(), ref == null ? null : ref.title(),
						ref == null ? null : ref.path(), null, null, null);
			}
			return new Kudos(row.id(), row.from(), names.get(row.from()), row.to(), names.get(row.to()), row.message(),
					record, row.at());
		}).toList();
		return paging.of(kudos, total);
	}

	@Override
	public Set<EntryKind> kinds() {
		return Set.of(EntryKind.KUDOS_RECEIVED);
	}

	@Override
	public void forEach(OrgId org, Consumer<Entry> sink) {
		jdbc.sql("SELECT id, from_id, to_id, created_at FROM recognition_kudos WHERE org_id = ? ORDER BY created_at, id")
			.param(org.value())
			.query((rs, n) -> entry(Sql.uuid(rs, "id"), new PersonId(Sql.uuid(rs, "to_id")),
					new PersonId(Sql.uuid(rs, "from_id")), Sql.instant(rs, "created_at")))
			.list()
			.forEach(sink);
	}
}

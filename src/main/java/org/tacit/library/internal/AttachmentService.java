package org.tacit.library.internal;

import org.tacit.shared.Sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import org.tacit.library.ItemChanged;
import org.tacit.library.ItemId;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.ProblemException;

/**
 * Files attached to items. Whoever may read an item may list and download its files; whoever may edit
 * it may add and remove them. The content is kept once per hash in the {@link AttachmentStorage}; its
 * media type and text come from the content (Apache Tika), and the text is what search finds. Every
 * change publishes {@link ItemChanged}, as the item's search entry includes its attachments.
 */
@Service
public class AttachmentService {

	private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);
	private static final int LOCK_STRIPES = 64;
	/** The most files one item may have, so that its list of files stays short. */
	public static final int MAX_PER_ITEM = 100;

	private final JdbcClient jdbc;
	private final ItemService items;
	private final AttachmentStorage storage;
	private final FileAnalyzer analyzer;
	private final Organizations organizations;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final TransactionTemplate transaction;
	private final DataSize maxSize;
	/**
	 * Keeping content and recording it, and removing a record and then unreferenced content, happen under
	 * the content's lock: otherwise a removal could delete a file that an upload just found already there.
	 */
	private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

	AttachmentService(JdbcClient jdbc, ItemService items, AttachmentStorage storage, FileAnalyzer analyzer,
			Organizations organizations, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions, @Value("${tacit.attachments.max-size:25MB}") DataSize maxSize) {
		this.jdbc = jdbc;
		this.items = items;
		this.storage = storage;
		this.analyzer = analyzer;
		this.organizations = organizations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.maxSize = maxSize;
		for (int i = 0; i < LOCK_STRIPES; i++) {
			locks[i] = new ReentrantLock();
		}
	}

	/** The largest file accepted ({@code tacit.attachments.max-size}). */
	public DataSize maxSize() {
		return maxSize;
	}

	/** The refusal of a file over {@link #maxSize()}: 413, naming the field {@code file}. */
	public ProblemException tooLarge() {
		String limit = sizeText(maxSize.toBytes());
		return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "attachment.file.tooLarge",
				List.of(new ProblemException.FieldProblem("file", "attachment.file.tooLarge", limit)), limit);
	}

	/**
	 * The part named {@code file} of a multipart request. Multipart requests are parsed lazily
	 * ({@code spring.servlet.multipart.resolve-lazily}), so a file over the limit is refused here, with
	 * this module's message, and only after the caller's permissions were checked.
	 */
	public MultipartFile fileOf(HttpServletRequest request) {
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		if (multipart == null) {
			throw ProblemException.invalid("file", "attachment.file.multipart");
		}
		MultipartFile file;
		try {
			file = multipart.getFile("file");
		}
		catch (MaxUploadSizeExceededException e) {
			throw tooLarge();
		}
		catch (MultipartException e) {
			throw ProblemException.invalid("file", "attachment.file.unreadable");
		}
		if (file == null) {
			throw ProblemException.invalid("file", "attachment.file.required");
		}
		return file;
	}

	/** Attaches the uploaded file; see {@link #add(OrgAccess, ItemId, String, InputStream)}. */
	public Attachment add(OrgAccess access, ItemId itemId, MultipartFile file) {
		try (InputStream content = file.getInputStream()) {
			return add(access, itemId, file.getOriginalFilename(), content);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read an uploaded file", e);
		}
	}

	/** A size as people read it, with unit symbols: 900 B, 12.5 KB, 3.2 MB (units of 1,024). */
	public static String sizeText(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return oneDecimal(bytes / 1024.0) + " KB";
		}
		if (bytes < 1024L * 1024 * 1024) {
			return oneDecimal(bytes / (1024.0 * 1024)) + " MB";
		}
		return oneDecimal(bytes / (1024.0 * 1024 * 1024)) + " GB";
	}

	private static String oneDecimal(double value) {
		String text = String.format(java.util.Locale.ROOT, "%.1f", value);
		return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
	}

	/** The item, if the caller may add files to it (404 if they cannot see it, 403 if they may not edit it). */
	public Item editableItem(OrgAccess access, String id) {
		Item item = items.find(access, id).orElseThrow(ProblemException::notFound);
		if (!item.canEdit()) {
			throw ProblemException.forbidden();
		}
		return item;
	}

	/**
	 * Attaches a file. The content is read to its end first (refused over {@link #maxSize()}, refused when
	 * empty), its type detected and its text extracted, and only then kept and recorded. Nothing is
	 * written when it is refused.
	 */
	public Attachment add(OrgAccess access, ItemId itemId, String fileName, InputStream content) {
		Item item = items.get(access, itemId);
		if (!item.canEdit()) {
			throw ProblemException.forbidden();
		}
		if (content == null) {
			throw ProblemException.invalid("file", "attachment.file.required");
		}
		String name = FileNames.clean(fileName);
		long attached = jdbc.sql("SELECT COUNT(*) FROM library_attachment WHERE item_id = ?")
			.param(itemId.value())
			.query(Long.class)
			.single();
		if (attached >= MAX_PER_ITEM) {
			throw ProblemException.conflict(null, "attachment.tooMany", MAX_PER_ITEM);
		}
		try (AttachmentStorage.Incoming incoming = storage.receive(content, maxSize.toBytes())) {
			if (incoming.size() == 0) {
				throw ProblemException.invalid("file", "attachment.file.empty");
			}
			FileAnalyzer.Analysis analysis = analyzer.analyze(incoming.file());
			UUID id = UUID.randomUUID();
			Instant now = clock.instant();
			ReentrantLock lock = lockOf(incoming.hash());
			lock.lock();
			try {
				incoming.keep();
				try {
					transaction.executeWithoutResult(status -> {
						jdbc.sql("""
								INSERT INTO library_attachment (id, item_id, org_id, file_name, media_type, size,
								  content_hash, extracted_text, uploaded_by, uploaded_at)
								VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
							.params(id, itemId.value(), access.orgId().value(), name, analysis.mediaType(),
									incoming.size(), incoming.hash(), analysis.text(), access.personId().value(),
									Sql.utc(now))
							.update();
						audit.record(access.orgId(), "attachment.added", "item", itemId.toString(),
								name + " (" + sizeText(incoming.size()) + ")");
						events.publishEvent(new ItemChanged(access.orgId(), itemId));
					});
				}
				catch (RuntimeException e) {
					removeIfUnreferenced(incoming.hash());
					throw e;
				}
			}
			finally {
				lock.unlock();
			}
			return new Attachment(id, itemId, name, analysis.mediaType(), incoming.size(), incoming.hash(),
					access.personId(), organizations.names(List.of(access.personId())).getOrDefault(access.personId(), ""),
					now);
		}
		catch (AttachmentStorage.TooLargeException e) {
			throw tooLarge();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not store an attachment", e);
		}
	}

	/** The item's files, oldest first; 404 if the caller cannot see the item. */
	public List<Attachment> list(OrgAccess access, ItemId itemId) {
		items.get(access, itemId);
		List<Attachment> found = jdbc.sql("SELECT " + COLUMNS + " FROM library_attachment WHERE item_id = ? AND org_id = ?"
				+ " ORDER BY uploaded_at, file_name, id")
			.params(itemId.value(), access.orgId().value())
			.query(MAPPER)
			.list();
		Map<PersonId, String> names = organizations.names(found.stream().map(Attachment::uploadedBy).toList());
		return found.stream().map(a -> a.withUploaderName(names.getOrDefault(a.uploadedBy(), ""))).toList();
	}

	/** One file of an item the caller can see; 404 for anything else. */
	public Attachment get(OrgAccess access, ItemId itemId, String attachmentId) {
		items.get(access, itemId);
		Attachment found = find(access, itemId, attachmentId).orElseThrow(ProblemException::notFound);
		return found.withUploaderName(
				organizations.names(List.of(found.uploadedBy())).getOrDefault(found.uploadedBy(), ""));
	}

	private Optional<Attachment> find(OrgAccess access, ItemId itemId, String attachmentId) {
		UUID id;
		try {
			id = UUID.fromString(attachmentId);
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM library_attachment WHERE id = ? AND item_id = ? AND org_id = ?")
			.params(id, itemId.value(), access.orgId().value())
			.query(MAPPER)
			.optional();
	}

	/** A file's content with what is needed to send it. */
	public record Download(Attachment attachment, InputStream content) {

		/**
		 * Always a download, never shown in the browser, whatever the type (an HTML or SVG file could run
		 * script on our origin): {@code attachment} disposition with a safe name, no type sniffing, and a
		 * sandbox in case a browser renders it anyway.
		 */
		public ResponseEntity<InputStreamResource> toResponse() {
			MediaType type;
			try {
				type = MediaType.parseMediaType(attachment.mediaType());
			}
			catch (InvalidMediaTypeException e) {
				type = MediaType.APPLICATION_OCTET_STREAM;
			}
			return ResponseEntity.ok()
				.contentType(type)
				.contentLength(attachment.size())
				.header(HttpHeaders.CONTENT_DISPOSITION, FileNames.attachmentDisposition(attachment.fileName()))
				.header("X-Content-Type-Options", "nosniff")
				.header("Content-Security-Policy", "default-src 'none'; sandbox; frame-ancestors 'none'")
				.eTag("\"" + attachment.contentHash() + "\"")
				.body(new InputStreamResource(content));
		}
	}

	public Download download(OrgAccess access, ItemId itemId, String attachmentId) {
		Attachment attachment = get(access, itemId, attachmentId);
		try {
			return new Download(attachment, storage.open(attachment.contentHash()));
		}
		catch (IOException e) {
			throw new UncheckedIOException("The content of attachment " + attachment.id() + " is missing", e);
		}
	}

	/** Removes a file from an item; its content goes too when no other attachment has the same content. */
	public void delete(OrgAccess access, ItemId itemId, String attachmentId) {
		Item item = items.get(access, itemId);
		Attachment attachment = find(access, itemId, attachmentId).orElseThrow(ProblemException::notFound);
		if (!item.canEdit()) {
			throw ProblemException.forbidden();
		}
		ReentrantLock lock = lockOf(attachment.contentHash());
		lock.lock();
		try {
			transaction.executeWithoutResult(status -> {
				jdbc.sql("DELETE FROM library_attachment WHERE id = ?").param(attachment.id()).update();
				audit.record(access.orgId(), "attachment.deleted", "item", itemId.toString(), attachment.fileName());
				events.publishEvent(new ItemChanged(access.orgId(), itemId));
			});
			removeIfUnreferenced(attachment.contentHash());
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * The text of each of an item's files, for the search index: one search document per attachment
	 * (type {@code attachment}, parent the item). No permission check: for listeners and rebuilds, which
	 * apply the item's visibility themselves.
	 */
	public List<AttachmentText> textsOf(ItemId itemId) {
		return textsOf(List.of(itemId)).getOrDefault(itemId, List.of());
	}

	/** {@link #textsOf(ItemId)} of many items (a batch of the search index) in one query. */
	public java.util.Map<ItemId, List<AttachmentText>> textsOf(java.util.Collection<ItemId> items) {
		java.util.Map<ItemId, List<AttachmentText>> byItem = new java.util.HashMap<>();
		if (items.isEmpty()) {
			return byItem;
		}
		jdbc.sql("""
				SELECT item_id, id, file_name, extracted_text FROM library_attachment WHERE item_id IN (:items)
				ORDER BY uploaded_at, file_name, id""")
			.param("items", items.stream().map(ItemId::value).distinct().toList())
			.query((rs, n) -> byItem.computeIfAbsent(new ItemId(Sql.uuid(rs, "item_id")), k -> new java.util.ArrayList<>())
				.add(new AttachmentText(Sql.uuid(rs, "id"), rs.getString("file_name"), rs.getString("extracted_text"))))
			.list();
		return byItem;
	}

	private void removeIfUnreferenced(String hash) {
		long references = jdbc.sql("SELECT COUNT(*) FROM library_attachment WHERE content_hash = ?")
			.param(hash)
			.query(Long.class)
			.single();
		if (references == 0) {
			try {
				storage.delete(hash);
			}
			catch (IOException e) {
				log.warn("Could not remove attachment content {} that nothing refers to any more", hash, e);
			}
		}
	}

	private ReentrantLock lockOf(String hash) {
		return locks[Math.floorMod(hash.hashCode(), LOCK_STRIPES)];
	}

	private static final String COLUMNS = "id, item_id, file_name, media_type, size, content_hash, uploaded_by, uploaded_at";

	private static final RowMapper<Attachment> MAPPER = (rs, n) -> new Attachment(Sql.uuid(rs, "id"),
			new ItemId(Sql.uuid(rs, "item_id")), rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size"),
			rs.getString("content_hash"), new PersonId(Sql.uuid(rs, "uploaded_by")), "", Sql.instant(rs, "uploaded_at"));
}

package org.tacit.library.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tacit.library.internal.Attachment;
import org.tacit.library.internal.AttachmentService;
import org.tacit.library.internal.Item;
import org.tacit.organizations.OrgAccess;
import org.tacit.shared.Texts;

/**
 * The attachments section of the item page, as {@code ${@attachmentList...}} in
 * templates/library/attachments.html, so the item page needs no change of its controller. Public for
 * the template engine, which calls it by reflection.
 */
@Component("attachmentList")
public class AttachmentList {

	/** Media types people know by another name; any other type is shown as it is. */
	private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("application/pdf", "pdf"),
			Map.entry("application/msword", "word"),
			Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word"),
			Map.entry("application/vnd.ms-powerpoint", "powerpoint"),
			Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "powerpoint"),
			Map.entry("application/vnd.ms-excel", "excel"),
			Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "excel"),
			Map.entry("text/html", "html"), Map.entry("application/xhtml+xml", "html"), Map.entry("text/plain", "text"),
			Map.entry("text/csv", "csv"), Map.entry("application/zip", "zip"));

	private final AttachmentService attachments;
	private final Texts texts;

	AttachmentList(AttachmentService attachments, Texts texts) {
		this.attachments = attachments;
		this.texts = texts;
	}

	/** The item's files, for someone who can see the item. */
	public List<Attachment> of(OrgAccess access, Item item) {
		return attachments.list(access, item.id());
	}

	public String size(long bytes) {
		return AttachmentService.sizeText(bytes);
	}

	public String maxSize() {
		return AttachmentService.sizeText(attachments.maxSize().toBytes());
	}

	public long maxBytes() {
		return attachments.maxSize().toBytes();
	}

	/** What kind of file it is, in words where there are words for it. */
	public String type(String mediaType) {
		String kind = KINDS.get(mediaType);
		if (kind != null) {
			return texts.get("attachment.type." + kind);
		}
		if (mediaType.startsWith("image/")) {
			return texts.get("attachment.type.image");
		}
		return mediaType.toLowerCase(Locale.ROOT);
	}
}

package org.tacit.library.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.library.internal.Attachment;
import org.tacit.library.internal.AttachmentService;
import org.tacit.library.internal.Item;
import org.tacit.library.internal.ItemService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.ProblemException;

/** Files attached to items: upload, list, download, delete. */
@RestController
@RequestMapping("/api/v1/orgs/{org}/items/{id}/attachments")
@Tag(name = "Library", description = "Spaces and knowledge items: versions, workflow and freshness")
class AttachmentApi {

	private final Organizations organizations;
	private final ItemService items;
	private final AttachmentService attachments;

	AttachmentApi(Organizations organizations, ItemService items, AttachmentService attachments) {
		this.organizations = organizations;
		this.items = items;
		this.attachments = attachments;
	}

	record Uploader(UUID id, String name) {
	}

	record AttachmentView(UUID id, String fileName, String mediaType, long size, Instant uploadedAt,
			Uploader uploadedBy) {

		static AttachmentView of(Attachment attachment) {
			return new AttachmentView(attachment.id(), attachment.fileName(), attachment.mediaType(), attachment.size(),
					attachment.uploadedAt(), new Uploader(attachment.uploadedBy().value(), attachment.uploadedByName()));
		}
	}

	/** The form of an upload, for the API document. */
	record Upload(@Schema(type = "string", format = "binary", description = "the file") String file) {
	}

	@PostMapping
	@Operation(summary = "Attach a file (multipart/form-data, part 'file'), for those who may edit the item. Its type "
			+ "is detected from the content and the text of PDF, Word, PowerPoint, Excel, HTML and text files is "
			+ "extracted for search. 413 over tacit.attachments.max-size (25 MB by default), 400 when empty",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							schema = @Schema(implementation = Upload.class))))
	ResponseEntity<AttachmentView> upload(@PathVariable String org, @PathVariable String id,
			HttpServletRequest request) {
		OrgAccess access = organizations.access(org);
		// who may attach is settled before the body is parsed
		Item item = attachments.editableItem(access, id);
		Attachment added = attachments.add(access, item.id(), attachments.fileOf(request));
		return ResponseEntity
			.created(URI.create("/api/v1/orgs/" + access.slug() + "/items/" + item.id() + "/attachments/" + added.id()))
			.body(AttachmentView.of(added));
	}

	@GetMapping
	@Operation(summary = "The files attached to an item, oldest first")
	List<AttachmentView> list(@PathVariable String org, @PathVariable String id) {
		OrgAccess access = organizations.access(org);
		return attachments.list(access, item(access, id).id()).stream().map(AttachmentView::of).toList();
	}

	@GetMapping("/{attachmentId}")
	@Operation(summary = "Download a file, always as an attachment (never shown in the browser), with its detected type")
	ResponseEntity<InputStreamResource> download(@PathVariable String org, @PathVariable String id,
			@PathVariable String attachmentId) {
		OrgAccess access = organizations.access(org);
		return attachments.download(access, item(access, id).id(), attachmentId).toResponse();
	}

	@DeleteMapping("/{attachmentId}")
	@Operation(summary = "Remove a file from an item, for those who may edit the item")
	ResponseEntity<Void> delete(@PathVariable String org, @PathVariable String id, @PathVariable String attachmentId) {
		OrgAccess access = organizations.access(org);
		attachments.delete(access, item(access, id).id(), attachmentId);
		return ResponseEntity.noContent().build();
	}

	private Item item(OrgAccess access, String id) {
		return items.find(access, id).orElseThrow(ProblemException::notFound);
	}
}

package org.tacit.processes.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import org.tacit.shared.ProblemException;

/**
 * The BPMN file of a request: the part {@code file} of a multipart form, or the raw body. Either way
 * no more than {@link BpmnReader#MAX_BYTES} is read into memory; a larger file is refused with 413.
 */
public final class Uploads {

	private Uploads() {
	}

	public static ProcessService.Upload of(HttpServletRequest request, String fileName, String note) {
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		if (multipart != null) {
			MultipartFile file;
			try {
				file = multipart.getFile("file");
			}
			catch (MaxUploadSizeExceededException e) {
				throw BpmnReader.tooLarge();
			}
			catch (MultipartException e) {
				throw ProblemException.invalid("file", "process.bpmn.unreadable");
			}
			return of(file, note == null ? multipart.getParameter("note") : note);
		}
		try (InputStream in = request.getInputStream()) {
			return new ProcessService.Upload(fileName, bounded(in), note);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read an uploaded diagram", e);
		}
	}

	/** An uploaded form part; a missing or empty one is refused. */
	public static ProcessService.Upload of(MultipartFile file, String note) {
		if (file == null || file.isEmpty()) {
			throw ProblemException.invalid("file", "process.bpmn.required");
		}
		if (file.getSize() > BpmnReader.MAX_BYTES) {
			throw BpmnReader.tooLarge();
		}
		try (InputStream in = file.getInputStream()) {
			return new ProcessService.Upload(file.getOriginalFilename(), bounded(in), note);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read an uploaded diagram", e);
		}
	}

	private static byte[] bounded(InputStream in) throws IOException {
		byte[] content = in.readNBytes(BpmnReader.MAX_BYTES + 1);
		if (content.length > BpmnReader.MAX_BYTES) {
			throw BpmnReader.tooLarge();
		}
		return content;
	}
}

package org.tacit.library.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tacit.shared.DataDirectory;

/** Attachment content is kept on the local disk, in the data directory's {@code attachments} folder. */
@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

	/** Another {@link AttachmentStorage} (an object store, say) is plugged in here. */
	@Bean
	AttachmentStorage attachmentStorage(DataDirectory data) {
		return new LocalAttachmentStorage(data.root().resolve("attachments"));
	}
}

// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import java.util.UUID;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.files.Downloads;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The citizen's portal mailbox: list, read (recording the first access), download the document. */
@Controller
@PreAuthorize("hasAuthority('portal:use')")
class MailboxController {

	private final Mailbox mailbox;

	MailboxController(Mailbox mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping("/portal/postfach")
	String list(SignedInUser citizen, Model model) {
		model.addAttribute("messages", mailbox.of(citizen.id()));
		return "correspondence/mailbox";
	}

	@GetMapping("/portal/postfach/{id}")
	public String read(@PathVariable UUID id, SignedInUser citizen, Model model) {
		model.addAttribute("message", mailbox.open(citizen.id(), id).orElseThrow(MailboxController::notFound));
		return "correspondence/message";
	}

	@GetMapping("/portal/postfach/{id}/dokument")
	public ResponseEntity<byte[]> document(@PathVariable UUID id, SignedInUser citizen) {
		mailbox.open(citizen.id(), id).orElseThrow(MailboxController::notFound);
		Mailbox.Document document = mailbox.document(citizen.id(), id).orElseThrow(MailboxController::notFound);
		return Downloads.attachment(document.content(), document.name(), document.mediaType());
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}

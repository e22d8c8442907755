// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.letter;

import java.util.UUID;

import de.openrathaus.account.Authorities;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.WebAccess;
import de.openrathaus.files.Downloads;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The citizen's postal address and the post room's print batches. */
final class LetterControllers {

	static final String ADDRESS = "/portal/konto/anschrift";
	static final String POST_ROOM = "/backoffice/poststelle";

	private LetterControllers() {
	}

	@Configuration(proxyBeanMethods = false)
	static class LetterWebSecurity {

		@Bean
		WebAccess letterWebAccess() {
			return new WebAccess(java.util.List.of(), java.util.Map.of(ADDRESS, Authorities.PORTAL, POST_ROOM, Authorities.POST_ROOM,
					POST_ROOM + "/**", Authorities.POST_ROOM));
		}
	}

	@Controller
	@PreAuthorize("hasAuthority('portal:use')")
	static class AddressController {

		private final PostalAddresses addresses;

		AddressController(PostalAddresses addresses) {
			this.addresses = addresses;
		}

		@GetMapping(ADDRESS)
		String show(SignedInUser citizen, Model model) {
			model.addAttribute("address", addresses.of(citizen.id()).orElse(null));
			model.addAttribute("max", PostalAddress.MAX);
			return "correspondence/postal-address";
		}

		@PostMapping(ADDRESS)
		String save(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String zusatz,
				@RequestParam(required = false) @Nullable String strasse, @RequestParam(required = false) @Nullable String plz,
				@RequestParam(required = false) @Nullable String ort, @RequestParam(required = false) @Nullable String land,
				SignedInUser citizen, Model model, RedirectAttributes redirect) {
			PostalAddress.Result result = PostalAddress.parse(name, zusatz, strasse, plz, ort, land);
			if (result.address() == null) {
				model.addAttribute("errors", result.errors());
				model.addAttribute("entered", new PostalAddress(orEmpty(name), zusatz, orEmpty(strasse), orEmpty(plz), orEmpty(ort), land));
				model.addAttribute("max", PostalAddress.MAX);
				return "correspondence/postal-address";
			}
			addresses.save(citizen.id(), result.address());
			redirect.addFlashAttribute("saved", true);
			return "redirect:" + ADDRESS;
		}

		private static String orEmpty(@Nullable String value) {
			return value == null ? "" : value;
		}
	}

	@Controller
	@PreAuthorize("hasAuthority('correspondence:post-room')")
	static class PostRoomController {

		private final Letters letters;
		private final PrintBatches batches;

		PostRoomController(Letters letters, PrintBatches batches) {
			this.letters = letters;
			this.batches = batches;
		}

		@GetMapping(POST_ROOM)
		String show(Model model) {
			model.addAttribute("waiting", letters.waiting());
			model.addAttribute("batches", letters.batches(60));
			return "correspondence/post-room";
		}

		@PostMapping(POST_ROOM + "/stapel")
		String make(RedirectAttributes redirect) {
			redirect.addFlashAttribute(batches.make().isPresent() ? "made" : "nothingWaiting", true);
			return "redirect:" + POST_ROOM;
		}

		@GetMapping(POST_ROOM + "/stapel/{id}")
		ResponseEntity<byte[]> download(@PathVariable UUID id, SignedInUser staff) {
			byte[] pdf = batches.download(id, staff.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
			return Downloads.attachment(pdf, "druckstapel-" + id + ".pdf", "application/pdf");
		}
	}
}

// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.files.Downloads;
import de.openrathaus.files.InputText;
import de.openrathaus.files.PdfRenderer;
import de.openrathaus.procedure.definition.ProcedureDefinition;
import de.openrathaus.procedure.definition.ProcedureTypes;
import de.openrathaus.seal.DecisionSeal;
import de.openrathaus.tenancy.Tenants;
import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators edit their municipality's letterhead and the legal remedy notice per procedure
 * type, and see a preview (a sample rejection with the texts, not sealed) before a decision uses them;
 * and they revoke an issued decision by its reference.
 */
@Controller
@PreAuthorize("hasAuthority('accounts:administer')")
class DecisionTextsController {

	static final String PAGE = "/admin/bescheidtexte";

	private final DecisionTexts texts;
	private final ProcedureTypes types;
	private final PdfRenderer renderer;
	private final Tenants tenants;
	private final Clock clock;
	private final DecisionSeal seal;

	DecisionTextsController(DecisionTexts texts, ProcedureTypes types, PdfRenderer renderer, Tenants tenants, Clock clock,
			DecisionSeal seal) {
		this.seal = seal;
		this.texts = texts;
		this.types = types;
		this.renderer = renderer;
		this.tenants = tenants;
		this.clock = clock;
	}

	@GetMapping(PAGE)
	String page(Model model) {
		model.addAttribute("types", types.current().stream().map(t -> Map.entry(t.key(), t.title().de())).toList());
		model.addAttribute("texts", texts.all());
		model.addAttribute("textMax", DecisionTexts.MAX);
		return "casework/decision-texts";
	}

	@PostMapping(PAGE)
	@OnRefusal(PAGE)
	String save(@RequestParam(name = "art") String kind, @RequestParam(name = "typ", defaultValue = DecisionTexts.REJECTIONS) String type,
			@RequestParam(name = "text", defaultValue = "") String text, SignedInUser admin, RedirectAttributes redirect) {
		DecisionTexts.Kind which = switch (kind) {
			case "briefkopf" -> DecisionTexts.Kind.LETTERHEAD;
			case "rechtsbehelf" -> DecisionTexts.Kind.REMEDY;
			default -> throw Refusal.of("decisionTexts.unknown");
		};
		String procedureType = which == DecisionTexts.Kind.LETTERHEAD ? DecisionTexts.REJECTIONS : known(type);
		String body = InputText.nfc(text).replace("\r\n", "\n").replaceAll("[\\p{Cc}&&[^\\n]]", "").strip();
		if (body.length() > DecisionTexts.MAX) {
			throw Refusal.of("decisionTexts.tooLong", DecisionTexts.MAX);
		}
		texts.save(which, procedureType, body, admin.id(), clock.instant());
		redirect.addFlashAttribute("notice", body.isEmpty() ? "decisionTexts.reset" : "decisionTexts.saved");
		return "redirect:" + PAGE;
	}

	/** An administrator revokes a decision by its reference (clerks do so on the case page). */
	@PostMapping(PAGE + "/widerruf")
	@OnRefusal(PAGE + "#widerruf")
	String revoke(@RequestParam(name = "az", defaultValue = "") String reference, @RequestParam(name = "grund", defaultValue = "") String reason,
			SignedInUser admin, RedirectAttributes redirect) {
		String ref = reference.strip();
		if (ref.isEmpty() || ref.length() > 64) {
			throw Refusal.of("seal.revoke.notPossible");
		}
		seal.revoke(ref, InputText.nfc(reason).replaceAll("[\\p{Cc}&&[^\\n]]", ""), admin.id(), clock.instant());
		redirect.addFlashAttribute("notice", "seal.revoke.done");
		return "redirect:" + PAGE;
	}

	/** A sample decision with the stored texts: the type's remedy notice in a sample rejection, not sealed. */
	@GetMapping(PAGE + "/vorschau")
	ResponseEntity<byte[]> preview(@RequestParam(name = "typ", defaultValue = DecisionTexts.REJECTIONS) String type) {
		String procedureType = known(type);
		String title = procedureType.equals(DecisionTexts.REJECTIONS) ? "Muster"
				: types.current(procedureType).map(ProcedureDefinition::title).map(t -> t.de()).orElse("Muster");
		Map<String, @Nullable Object> model = new HashMap<>();
		String today = clock.instant().atZone(clock.getZone()).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
		model.put("municipality", tenants.current().name());
		model.put("title", title);
		model.put("reference", "MUSTER-0000-000000");
		model.put("issuedOn", today);
		model.put("submittedOn", today);
		model.put("clerk", "Muster");
		model.put("reason", "Muster");
		model.put("letterhead", texts.letterhead().orElse(null));
		model.put("remedy", texts.remedy(procedureType).orElse(null));
		byte[] pdf = renderer.render("procedure/decisions/ablehnung", model, Locale.GERMAN);
		return Downloads.attachment(pdf, "Vorschau.pdf", "application/pdf");
	}

	private String known(String type) {
		if (type.equals(DecisionTexts.REJECTIONS) || types.current(type).isPresent()) {
			return type;
		}
		throw Refusal.of("decisionTexts.unknown");
	}
}

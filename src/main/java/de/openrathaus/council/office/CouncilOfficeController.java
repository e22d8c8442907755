// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.office;

import java.io.IOException;
import java.util.UUID;

import de.openrathaus.web.OnRefusal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The council office's pages (Ratsbüro): overview with the forms to add, one page per meeting and per paper. */
@Controller
@PreAuthorize("hasAuthority('council:office')")
class CouncilOfficeController {

	private static final String HOME = "/ratsbuero";
	private static final String MEETING = "/ratsbuero/sitzungen/{id}";
	private static final String PAPER = "/ratsbuero/vorlagen/{id}";

	private final CouncilOffice office;

	CouncilOfficeController(CouncilOffice office) {
		this.office = office;
	}

	@GetMapping(HOME)
	String home(Model model) {
		model.addAttribute("overview", office.overview());
		model.addAttribute("kinds", CouncilOffice.kinds());
		model.addAttribute("paperTypes", CouncilOffice.paperTypes());
		return "council/office";
	}

	@PostMapping(HOME + "/gremien")
	@OnRefusal(HOME)
	String addOrganization(@RequestParam(required = false) @Nullable String art, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String kurzname, RedirectAttributes redirect) {
		office.addOrganization(art, name, kurzname);
		return done(redirect, HOME);
	}

	@PostMapping(HOME + "/wahlperioden")
	@OnRefusal(HOME)
	String addTerm(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String beginn,
			@RequestParam(required = false) @Nullable String ende, RedirectAttributes redirect) {
		office.addTerm(name, beginn, ende);
		return done(redirect, HOME);
	}

	@PostMapping(HOME + "/personen")
	@OnRefusal(HOME)
	String addPerson(@RequestParam(required = false) @Nullable String vorname, @RequestParam(required = false) @Nullable String nachname,
			@RequestParam(required = false) @Nullable String anrede, RedirectAttributes redirect) {
		office.addPerson(vorname, nachname, anrede);
		return done(redirect, HOME);
	}

	@PostMapping(HOME + "/mitgliedschaften")
	@OnRefusal(HOME)
	String addMembership(@RequestParam(required = false) @Nullable UUID person, @RequestParam(required = false) @Nullable UUID gremium,
			@RequestParam(required = false) @Nullable String rolle, @RequestParam(defaultValue = "false") boolean stimmrecht,
			@RequestParam(required = false) @Nullable UUID fraktion, @RequestParam(required = false) @Nullable String beginn,
			@RequestParam(required = false) @Nullable String ende, RedirectAttributes redirect) {
		office.addMembership(person, gremium, rolle, stimmrecht, fraktion, beginn, ende);
		return done(redirect, HOME);
	}

	@PostMapping(HOME + "/sitzungen")
	@OnRefusal(HOME)
	String addMeeting(@RequestParam(required = false) @Nullable UUID gremium, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String beginn, @RequestParam(required = false) @Nullable String ende,
			@RequestParam(required = false) @Nullable String ort, RedirectAttributes redirect) {
		UUID id = office.addMeeting(gremium, name, beginn, ende, ort);
		return done(redirect, HOME + "/sitzungen/" + id);
	}

	@PostMapping(HOME + "/vorlagen")
	@OnRefusal(HOME)
	String addPaper(@RequestParam(required = false) @Nullable String nummer, @RequestParam(required = false) @Nullable String betreff,
			@RequestParam(required = false) @Nullable String art, @RequestParam(required = false) @Nullable String datum,
			@RequestParam(required = false) @Nullable UUID urheber, @RequestParam(defaultValue = "false") boolean oeffentlich,
			@RequestParam(required = false) @Nullable String text, RedirectAttributes redirect) {
		UUID id = office.addPaper(nummer, betreff, art, datum, urheber, oeffentlich, text);
		return done(redirect, HOME + "/vorlagen/" + id);
	}

	@PostMapping(HOME + "/{what}/{id}/loeschen")
	@OnRefusal(HOME)
	String delete(@PathVariable String what, @PathVariable UUID id, RedirectAttributes redirect) {
		office.delete(what, id);
		return done(redirect, HOME);
	}

	@GetMapping(PAPER)
	String paper(@PathVariable UUID id, Model model) {
		model.addAttribute("view", office.paperView(id));
		return "council/office-paper";
	}

	@PostMapping(PAPER + "/beratungen")
	@OnRefusal(PAPER)
	String addConsultation(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID gremium,
			@RequestParam(required = false) @Nullable String rolle, @RequestParam(defaultValue = "false") boolean federfuehrend,
			RedirectAttributes redirect) {
		office.addConsultation(id, gremium, rolle, federfuehrend);
		return done(redirect, HOME + "/vorlagen/" + id);
	}

	@PostMapping(PAPER + "/dateien")
	@OnRefusal(PAPER)
	String addFile(@PathVariable UUID id, @RequestParam(required = false) @Nullable String name, @RequestParam("datei") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean hauptdatei, RedirectAttributes redirect) throws IOException {
		office.addFile(id, name, file.getOriginalFilename(), file.getBytes(), hauptdatei);
		return done(redirect, HOME + "/vorlagen/" + id);
	}

	@GetMapping(MEETING)
	String meeting(@PathVariable UUID id, Model model) {
		model.addAttribute("view", office.meetingView(id));
		return "council/office-meeting";
	}

	@PostMapping(MEETING + "/tagesordnung")
	@OnRefusal(MEETING)
	String placeOnAgenda(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID vorlage, RedirectAttributes redirect) {
		office.placeOnAgenda(id, vorlage);
		return done(redirect, HOME + "/sitzungen/" + id);
	}

	@PostMapping(MEETING + "/punkte")
	@OnRefusal(MEETING)
	String addItem(@PathVariable UUID id, @RequestParam(required = false) @Nullable String name,
			@RequestParam(defaultValue = "false") boolean oeffentlich, RedirectAttributes redirect) {
		office.addAgendaItem(id, name, oeffentlich);
		return done(redirect, HOME + "/sitzungen/" + id);
	}

	@PostMapping(MEETING + "/punkte/{item}/ergebnis")
	@OnRefusal(MEETING)
	String recordResult(@PathVariable UUID id, @PathVariable UUID item, @RequestParam(required = false) @Nullable String ergebnis,
			@RequestParam(required = false) @Nullable String beschluss, @RequestParam(required = false) @Nullable String ja,
			@RequestParam(required = false) @Nullable String nein, @RequestParam(required = false) @Nullable String enthaltung,
			RedirectAttributes redirect) {
		office.recordResult(id, item, ergebnis, beschluss, ja, nein, enthaltung);
		return done(redirect, HOME + "/sitzungen/" + id);
	}

	private static String done(RedirectAttributes redirect, String to) {
		redirect.addFlashAttribute("notice", "council.saved");
		return "redirect:" + to;
	}
}

// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.treasury;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.files.Downloads;
import de.openrathaus.payment.PaymentId;
import de.openrathaus.tenancy.MunicipalClock;
import de.openrathaus.web.OnRefusal;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The treasury's pages (Stadtkasse): reconciliation, a payment with its refunds, the refund list, the export. */
@Controller
@PreAuthorize("hasAuthority('payment:treasury')")
class TreasuryPages {

	private static final String CSV = "text/csv;charset=UTF-8";

	private final Reconciliation reconciliation;
	private final Refunds refunds;
	private final AccountingExport export;
	private final TreasuryStore store;
	private final TransactionTemplate tx;
	private final Clock clock;

	TreasuryPages(Reconciliation reconciliation, Refunds refunds, AccountingExport export, TreasuryStore store, TransactionTemplate tx,
			Clock clock) {
		this.reconciliation = reconciliation;
		this.refunds = refunds;
		this.export = export;
		this.store = store;
		this.tx = tx;
		this.clock = clock;
	}

	@GetMapping("/kasse")
	String overview(Model model) {
		model.addAttribute("today", today());
		model.addAttribute("openRefunds", tx.execute(s -> store.refunds(500)).stream()
			.filter(r -> r.status() == Refund.Status.REQUESTED || r.status() == Refund.Status.APPROVED).count());
		return "payment/treasury/overview";
	}

	@GetMapping("/kasse/abgleich")
	String reconcile(@RequestParam(name = "tag", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			Model model) {
		LocalDate chosen = day == null ? today() : day;
		model.addAttribute("report", reconciliation.of(chosen));
		model.addAttribute("day", chosen);
		return "payment/treasury/reconciliation";
	}

	@GetMapping("/kasse/abgleich.csv")
	ResponseEntity<byte[]> reconcileCsv(@RequestParam("tag") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		Reconciliation.Report report = reconciliation.of(day);
		Csv csv = new Csv().row("Tag", "Anbieter", "Kostenstelle", "Zahlungsreferenz", "Anbieterreferenz", "Verwendungszweck",
				"Stand_OpenRathaus", "Betrag_Cent", "Stand_Anbieter", "Betrag_Anbieter_Cent", "Abweichung");
		for (Reconciliation.Group group : report.groups()) {
			for (Reconciliation.Line line : group.lines()) {
				Booked p = line.payment();
				csv.row(day, p.provider(), p.costCentre(), p.id(), p.providerRef() == null ? "" : p.providerRef(), p.purpose(), p.status(),
						p.amount().cents(), line.reported() == null ? "" : line.reported(),
						line.reportedAmount() == null ? "" : line.reportedAmount().cents(), line.difference());
			}
		}
		return Downloads.attachment(csv.bytes(), "abgleich-" + day + ".csv", CSV);
	}

	@GetMapping("/kasse/zahlungen/{id}")
	String payment(@PathVariable PaymentId id, Model model) {
		Booked payment = tx.execute(s -> store.payment(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("payment", payment);
		model.addAttribute("refunds", tx.execute(s -> store.refundsOf(id)));
		model.addAttribute("history", tx.execute(s -> store.history(id)));
		model.addAttribute("reasonMax", Refunds.REASON_MAX);
		return "payment/treasury/payment";
	}

	@PostMapping("/kasse/zahlungen/{id}/erstattungen")
	@OnRefusal("/kasse/zahlungen/{id}")
	String requestRefund(@PathVariable PaymentId id, @RequestParam(name = "betrag", defaultValue = "") String amount,
			@RequestParam(name = "grund", defaultValue = "") String reason, SignedInUser staff, RedirectAttributes redirect) {
		refunds.request(staff, id, amount, reason);
		redirect.addFlashAttribute("notice", "treasury.refund.requested");
		return "redirect:/kasse/zahlungen/" + id;
	}

	@GetMapping("/kasse/erstattungen")
	String refunds(Model model) {
		model.addAttribute("refunds", tx.execute(s -> store.refunds(500)));
		return "payment/treasury/refunds";
	}

	@PostMapping("/kasse/erstattungen/{id}/freigeben")
	@OnRefusal("/kasse/erstattungen")
	String approve(@PathVariable UUID id, SignedInUser staff, RedirectAttributes redirect) {
		refunds.approve(staff, id);
		return done(redirect, "treasury.refund.approved");
	}

	@PostMapping("/kasse/erstattungen/{id}/ablehnen")
	@OnRefusal("/kasse/erstattungen")
	String reject(@PathVariable UUID id, SignedInUser staff, RedirectAttributes redirect) {
		refunds.reject(staff, id);
		return done(redirect, "treasury.refund.rejected");
	}

	@PostMapping("/kasse/erstattungen/{id}/ausgezahlt")
	@OnRefusal("/kasse/erstattungen")
	String paidOut(@PathVariable UUID id, SignedInUser staff, RedirectAttributes redirect) {
		refunds.paidOut(staff, id);
		return done(redirect, "treasury.refund.paidOut");
	}

	@GetMapping("/kasse/export")
	String exportForm(Model model) {
		LocalDate today = today();
		model.addAttribute("from", today.withDayOfMonth(1));
		model.addAttribute("to", today);
		return "payment/treasury/export";
	}

	@GetMapping("/kasse/export.csv")
	@OnRefusal("/kasse/export")
	ResponseEntity<byte[]> exportCsv(@RequestParam("von") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam("bis") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return Downloads.attachment(export.csv(from, to), "buchungen-" + from + "-" + to + ".csv", CSV);
	}

	private static String done(RedirectAttributes redirect, String notice) {
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/kasse/erstattungen";
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), MunicipalClock.ZONE);
	}
}

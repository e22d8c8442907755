// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal.verification;

import java.io.IOException;
import java.io.UncheckedIOException;

import de.openrathaus.seal.keys.SealKeys;
import de.openrathaus.seal.keys.SealSettings;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.Tenants;
import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public page {@code /pruefen}: upload a decision, or enter its reference and verification code
 * (the QR code on the document opens the page with both filled in and checks at once). No sign-in;
 * the forms carry the CSRF token.
 */
@Controller
class VerificationController {

	static final String PAGE = "/pruefen";

	private final Verification verification;
	private final CheckThrottle throttle;
	private final SealSettings settings;
	private final SealKeys keys;
	private final Tenants tenants;

	VerificationController(Verification verification, CheckThrottle throttle, SealSettings settings, SealKeys keys, Tenants tenants) {
		this.verification = verification;
		this.throttle = throttle;
		this.settings = settings;
		this.keys = keys;
		this.tenants = tenants;
	}

	@GetMapping(PAGE)
	@OnRefusal(PAGE)
	String page(@RequestParam(name = "az", required = false) @Nullable String reference,
			@RequestParam(name = "code", required = false) @Nullable String code, HttpServletRequest request, Model model) {
		model.addAttribute("reference", reference == null ? "" : reference);
		model.addAttribute("code", code == null ? "" : code);
		if (reference != null && code != null && !reference.isBlank() && !code.isBlank()) {
			throttle.acquire(request.getRemoteAddr());
			model.addAttribute("result", verification.checkCode(reference, code));
		}
		return page(model);
	}

	@PostMapping(PAGE + "/code")
	@OnRefusal(PAGE)
	String byCode(@RequestParam(name = "az", defaultValue = "") String reference, @RequestParam(name = "code", defaultValue = "") String code,
			HttpServletRequest request, Model model) {
		throttle.acquire(request.getRemoteAddr());
		model.addAttribute("reference", reference);
		model.addAttribute("code", code);
		model.addAttribute("result", verification.checkCode(reference, code));
		return page(model);
	}

	@PostMapping(PAGE + "/dokument")
	@OnRefusal(PAGE)
	String byDocument(@RequestParam(name = "dokument", required = false) @Nullable MultipartFile document, HttpServletRequest request,
			Model model) {
		throttle.acquire(request.getRemoteAddr());
		model.addAttribute("reference", "");
		model.addAttribute("code", "");
		model.addAttribute("result", verification.checkDocument(content(document, settings)));
		return page(model);
	}

	/** The demo CA's certificate and CRL, so independent validators can be given the trust anchor. */
	@GetMapping(PAGE + "/zertifikate/{file:[a-z0-9-]+\\.(?:crt|crl)}")
	ResponseEntity<byte[]> demoCa(@PathVariable String file) {
		Tenant tenant = tenants.current();
		var demo = keys.of(tenant).demo();
		if (demo == null || !file.startsWith(tenant.slug() + ".") || file.length() != tenant.slug().length() + 4) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		try {
			return file.endsWith(".crt")
					? ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkix-cert")).body(demo.caCertificate().getEncoded())
					: ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkix-crl")).body(demo.crl());
		}
		catch (java.security.cert.CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	private String page(Model model) {
		Tenant tenant = tenants.current();
		model.addAttribute("maxUploadMb", settings.maxUpload().toMegabytes());
		model.addAttribute("demoCa", keys.of(tenant).demo() != null ? SealKeys.demoCaPath(tenant.slug()) + ".crt" : null);
		return "seal/check";
	}

	/** The uploaded PDF's bytes, refused when missing or above the limit. */
	static byte[] content(@Nullable MultipartFile document, SealSettings settings) {
		if (document == null || document.isEmpty()) {
			throw Refusal.of("seal.check.noDocument");
		}
		if (document.getSize() > settings.maxUpload().toBytes()) {
			throw Refusal.of("seal.check.tooLarge", settings.maxUpload().toMegabytes()).withStatus(HttpStatus.PAYLOAD_TOO_LARGE);
		}
		try {
			return document.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

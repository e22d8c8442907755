// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal.signing;

import java.util.List;

import de.openrathaus.seal.keys.SealKeys;
import de.openrathaus.seal.keys.SealKeys.SealKey;
import de.openrathaus.tenancy.Tenant;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

import org.springframework.stereotype.Component;

/**
 * Validates the seals of a PDF with DSS against the municipality's seal CA, offline: the revocation
 * data comes from the document (B-LT) or the demo CA, never from the network during a public check.
 */
@Component
public class SealCheck {

	private final SealKeys keys;
	private final PadesSealer sealer;

	public SealCheck(SealKeys keys, PadesSealer sealer) {
		this.keys = keys;
		this.sealer = sealer;
	}

	/** What DSS found. */
	public enum Finding {
		/** A seal chained to this municipality's CA, and DSS finds its signed bytes and signature value intact. */
		INTACT,
		/** A seal chained to this municipality's CA that DSS does not find valid: changed after sealing. */
		BROKEN,
		/** No seal of this municipality (no signature, or someone else's). */
		FOREIGN
	}

	public Finding check(Tenant tenant, byte[] pdf) {
		SealKey key = keys.of(tenant);
		Reports reports;
		try {
			SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
			CommonCertificateVerifier verifier = sealer.verifier(key);
			if (key.demo() == null) {
				// a public check never reaches out to the network: revocation data comes from the document
				verifier.setCrlSource(null);
				verifier.setOcspSource(null);
				verifier.setAIASource(null);
			}
			validator.setCertificateVerifier(verifier);
			reports = validator.validateDocument();
		}
		catch (RuntimeException e) {
			// DSS cannot read a signature it could verify: not a sealed PDF of ours
			return Finding.FOREIGN;
		}
		Finding finding = Finding.FOREIGN;
		for (String id : reports.getSimpleReport().getSignatureIdList()) {
			SignatureWrapper signature = reports.getDiagnosticData().getSignatureById(id);
			List<CertificateWrapper> chain = signature == null ? List.of() : signature.getCertificateChain();
			if (chain.stream().noneMatch(CertificateWrapper::isTrusted)) {
				continue;
			}
			// intact: the signed bytes are unchanged and the seal's signature value is right; whether revocation data
			// could be had (a B-T seal checked offline) does not make a document altered
			if (signature.isSignatureIntact() && signature.isSignatureValid()) {
				if (finding == Finding.FOREIGN) {
					finding = Finding.INTACT;
				}
			}
			else {
				finding = Finding.BROKEN;
			}
		}
		return finding;
	}
}

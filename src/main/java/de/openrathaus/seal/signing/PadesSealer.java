// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.List;

import de.openrathaus.files.Sha256;
import de.openrathaus.seal.keys.DemoAuthority;
import de.openrathaus.seal.keys.SealKeys;
import de.openrathaus.seal.keys.SealKeys.SealKey;
import de.openrathaus.seal.keys.SealSettings;
import de.openrathaus.tenancy.Tenant;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.http.commons.TimestampDataLoader;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.spi.x509.tsp.KeyEntityTSPSource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Seals a PDF/A document with the municipality's key as PAdES (an incremental update, so the
 * PDF/A conformance of the document stays). The timestamp authority and online revocation sources
 * are network calls: sealing refuses to run inside a database transaction.
 */
@Component
public class PadesSealer {

	private final SealKeys keys;
	private final SealSettings settings;

	public PadesSealer(SealKeys keys, SealSettings settings) {
		this.keys = keys;
		this.settings = settings;
	}

	public byte[] seal(Tenant tenant, byte[] pdf, String reason) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("a document is sealed outside any database transaction (the timestamp authority is a network call)");
		}
		SealKey key = keys.of(tenant);
		PAdESService service = new PAdESService(verifier(key));
		// named, not looked up: DSS would otherwise search the class path (ServiceLoader) on every seal
		service.setPdfObjFactory(new PdfBoxDefaultObjectFactory());
		service.setTspSource(timestamps(key));
		PAdESSignatureParameters parameters = new PAdESSignatureParameters();
		parameters.setSignatureLevel(settings.level().equals("LT") ? SignatureLevel.PAdES_BASELINE_LT : SignatureLevel.PAdES_BASELINE_T);
		parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
		parameters.setSigningCertificate(key.key().getCertificate());
		parameters.setCertificateChain(List.of(key.key().getCertificateChain()));
		parameters.setSignerName(tenant.name());
		parameters.setLocation(tenant.name());
		parameters.setReason(reason);
		DSSDocument document = new InMemoryDocument(pdf);
		ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
		SignatureValue value = key.token().sign(toBeSigned, parameters.getDigestAlgorithm(), key.key());
		DSSDocument sealed = service.signDocument(document, parameters, value);
		try (var in = sealed.openStream()) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Trusts the municipality's seal CA; revocation data from the demo CA, or online with timeouts. */
	CommonCertificateVerifier verifier(SealKey key) {
		CommonCertificateVerifier verifier = new CommonCertificateVerifier();
		CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
		key.trustAnchors().forEach(trusted::addCertificate);
		verifier.setTrustedCertSources(trusted);
		DemoAuthority demo = key.demo();
		if (demo != null) {
			verifier.setCrlSource(new ExternalResourcesCRLSource(new InMemoryDocument(demo.crl())));
		}
		else {
			int timeout = (int) settings.tsaTimeout().toMillis();
			CommonsDataLoader loader = new CommonsDataLoader();
			timeouts(loader, timeout);
			OCSPDataLoader ocspLoader = new OCSPDataLoader();
			timeouts(ocspLoader, timeout);
			verifier.setCrlSource(new OnlineCRLSource(loader));
			verifier.setOcspSource(new OnlineOCSPSource(ocspLoader));
			verifier.setAIASource(new DefaultAIASource(loader));
		}
		return verifier;
	}

	private TSPSource timestamps(SealKey key) {
		if (!settings.tsaUrl().isBlank()) {
			TimestampDataLoader loader = new TimestampDataLoader();
			timeouts(loader, (int) settings.tsaTimeout().toMillis());
			return new OnlineTSPSource(settings.tsaUrl(), loader);
		}
		DemoAuthority demo = key.demo();
		if (demo == null) {
			throw new IllegalStateException("a municipality with its own seal key needs a timestamp authority (openrathaus.seal.tsa-url)");
		}
		try {
			KeyEntityTSPSource source = new KeyEntityTSPSource(demo.tsaKey(), demo.tsaCertificate(), List.of(demo.tsaCertificate(), demo.caCertificate()));
			source.setTsaPolicy(policyOid(demo));
			return source;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the demo timestamp authority's key cannot be read", e);
		}
	}

	private static void timeouts(CommonsDataLoader loader, int millis) {
		loader.setTimeoutConnection(millis);
		loader.setTimeoutConnectionRequest(millis);
		loader.setTimeoutResponse(millis);
		loader.setTimeoutSocket(millis);
	}

	/** A policy identifier of the demo TSA: a UUID OID (2.25) derived from its certificate. */
	private static String policyOid(DemoAuthority demo) throws GeneralSecurityException {
		String digest = Sha256.hex(demo.tsaCertificate().getEncoded());
		return "2.25." + new BigInteger(digest.substring(0, 32), 16);
	}
}

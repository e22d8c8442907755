// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What this service provider knows of an identity provider, read from its metadata: its entity id,
 * the certificates its signatures are verified with (the only keys ever trusted), and its single
 * sign-on and single logout endpoints for the HTTP-Redirect binding.
 */
record IdentityProvider(String entityId, List<X509Certificate> signingCertificates, String singleSignOnUrl,
		@Nullable String singleLogoutUrl) {

	IdentityProvider {
		signingCertificates = List.copyOf(signingCertificates);
	}

	/** Reads an EntityDescriptor (or the first one with an IDPSSODescriptor inside an EntitiesDescriptor). */
	static IdentityProvider fromMetadata(byte[] xml) throws SamlRefusal {
		return fromMetadata(SamlXml.parse(xml));
	}

	/** Reads parsed metadata (whose signature, if one is demanded, {@link MetadataTrust} has checked). */
	static IdentityProvider fromMetadata(Document document) throws SamlRefusal {
		Element root = document.getDocumentElement();
		Element entity = null;
		if (SamlXml.METADATA.equals(root.getNamespaceURI()) && "EntityDescriptor".equals(root.getLocalName())) {
			entity = root;
		}
		else {
			for (Element candidate : descendants(document, "EntityDescriptor")) {
				if (SamlXml.child(candidate, SamlXml.METADATA, "IDPSSODescriptor").isPresent()) {
					entity = candidate;
					break;
				}
			}
		}
		if (entity == null) {
			throw new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, "no EntityDescriptor");
		}
		Element idp = SamlXml.child(entity, SamlXml.METADATA, "IDPSSODescriptor")
			.orElseThrow(() -> new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, "no IDPSSODescriptor"));
		List<X509Certificate> certificates = new ArrayList<>();
		for (Element key : SamlXml.children(idp, SamlXml.METADATA, "KeyDescriptor")) {
			String use = key.getAttribute("use");
			if (!use.isEmpty() && !"signing".equals(use)) {
				continue;
			}
			for (Element certificate : elements(key.getElementsByTagNameNS(SamlXml.DSIG, "X509Certificate"))) {
				certificates.add(certificate(SamlXml.text(certificate)));
			}
		}
		if (certificates.isEmpty()) {
			throw new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, "no signing certificate");
		}
		String sso = endpoint(idp, "SingleSignOnService");
		if (sso == null) {
			throw new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, "no HTTP-Redirect SingleSignOnService");
		}
		String entityId = entity.getAttribute("entityID");
		if (entityId.isBlank()) {
			throw new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, "no entityID");
		}
		return new IdentityProvider(entityId, certificates, sso, endpoint(idp, "SingleLogoutService"));
	}

	private static @Nullable String endpoint(Element idp, String name) {
		for (Element service : SamlXml.children(idp, SamlXml.METADATA, name)) {
			if (SamlXml.REDIRECT_BINDING.equals(service.getAttribute("Binding")) && !service.getAttribute("Location").isBlank()) {
				return service.getAttribute("Location");
			}
		}
		return null;
	}

	private static X509Certificate certificate(String base64) throws SamlRefusal {
		try {
			byte[] der = Base64.getMimeDecoder().decode(base64);
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
		}
		catch (CertificateException | IllegalArgumentException e) {
			throw new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, e);
		}
	}

	private static List<Element> descendants(Document document, String localName) {
		return elements(document.getElementsByTagNameNS(SamlXml.METADATA, localName));
	}

	private static List<Element> elements(org.w3c.dom.NodeList nodes) {
		List<Element> list = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			list.add((Element) nodes.item(i));
		}
		return list;
	}
}

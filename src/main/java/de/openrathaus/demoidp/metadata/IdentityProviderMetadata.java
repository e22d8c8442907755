// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.metadata;

import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import de.openrathaus.demoidp.keys.SigningKey;
import de.openrathaus.demoidp.xml.Signatures;

import de.openrathaus.demoidp.xml.SamlNames;
import de.openrathaus.demoidp.xml.SecureXml;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SAML 2.0 metadata of one demo identity provider: an EntityDescriptor with an IDPSSODescriptor
 * that requires signed requests, names its signing certificate, its single logout and single
 * sign-on services (HTTP-Redirect) and the name id formats it issues, in the schema's order.
 */
public final class IdentityProviderMetadata {

	private IdentityProviderMetadata() {
	}

	public static byte[] write(String entityId, String singleSignOnService, String singleLogoutService, SigningKey signingKey, Instant now) {
		Document document = SecureXml.newDocument();
		Element entity = document.createElementNS(SamlNames.METADATA, "md:EntityDescriptor");
		entity.setAttributeNS(SamlNames.XMLNS, "xmlns:md", SamlNames.METADATA);
		entity.setAttributeNS(SamlNames.XMLNS, "xmlns:ds", SamlNames.DSIG);
		entity.setAttribute("ID", "_" + UUID.randomUUID().toString().replace("-", ""));
		entity.setAttribute("validUntil", now.plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
		entity.setAttribute("entityID", entityId);
		document.appendChild(entity);

		Element idp = add(entity, SamlNames.METADATA, "md:IDPSSODescriptor");
		idp.setAttribute("protocolSupportEnumeration", SamlNames.PROTOCOL);
		idp.setAttribute("WantAuthnRequestsSigned", "true");

		Element key = add(idp, SamlNames.METADATA, "md:KeyDescriptor");
		key.setAttribute("use", "signing");
		Element value = add(add(add(key, SamlNames.DSIG, "ds:KeyInfo"), SamlNames.DSIG, "ds:X509Data"), SamlNames.DSIG, "ds:X509Certificate");
		try {
			value.setTextContent(Base64.getEncoder().encodeToString(signingKey.certificate().getEncoded()));
		}
		catch (CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}

		Element logout = add(idp, SamlNames.METADATA, "md:SingleLogoutService");
		logout.setAttribute("Binding", SamlNames.REDIRECT_BINDING);
		logout.setAttribute("Location", singleLogoutService);
		add(idp, SamlNames.METADATA, "md:NameIDFormat").setTextContent(SamlNames.NAMEID_TRANSIENT);
		add(idp, SamlNames.METADATA, "md:NameIDFormat").setTextContent(SamlNames.NAMEID_PERSISTENT);
		Element signOn = add(idp, SamlNames.METADATA, "md:SingleSignOnService");
		signOn.setAttribute("Binding", SamlNames.REDIRECT_BINDING);
		signOn.setAttribute("Location", singleSignOnService);
		Signatures.signEnveloped(entity, null, signingKey.privateKey(), signingKey.certificate());
		return SecureXml.serialize(document);
	}

	private static Element add(Element parent, String namespace, String name) {
		Element child = parent.getOwnerDocument().createElementNS(namespace, name);
		parent.appendChild(child);
		return child;
	}
}

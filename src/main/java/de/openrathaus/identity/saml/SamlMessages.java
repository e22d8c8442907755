// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import de.openrathaus.account.TrustLevel;
import de.openrathaus.identity.config.ServiceProviderCredential;

import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The messages this service provider writes: the AuthnRequest (with BundID's
 * {@code akdb:AuthenticationRequest} extension naming the attributes it asks for, and the minimum
 * level), the LogoutResponse, and its own metadata, signed.
 */
final class SamlMessages {

	static final String CLASSIC_UI = "https://www.akdb.de/request/2018/09/classic-ui/v1";
	static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
	static final String REQUESTER = "urn:oasis:names:tc:SAML:2.0:status:Requester";
	/** second-level status: the LogoutRequest names no session of this browser */
	static final String UNKNOWN_PRINCIPAL = "urn:oasis:names:tc:SAML:2.0:status:UnknownPrincipal";

	private SamlMessages() {
	}

	/** A fresh message id (an xs:ID: starts with an underscore). */
	static String newId() {
		return "_" + UUID.randomUUID().toString().replace("-", "");
	}

	static String instant(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/** An AuthnRequest asking for at least {@code minimum}, and for these attributes (name, required). */
	static byte[] authnRequest(String id, Instant now, String destination, String assertionConsumerUrl, String entityId, TrustLevel minimum,
			List<RequestedAttribute> attributes, String displayName) {
		Document document = SamlXml.newDocument();
		Element request = document.createElementNS(SamlXml.PROTOCOL, "samlp:AuthnRequest");
		request.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SamlXml.ASSERTION);
		request.setAttribute("ID", id);
		request.setAttribute("Version", "2.0");
		request.setAttribute("IssueInstant", instant(now));
		request.setAttribute("Destination", destination);
		request.setAttribute("AssertionConsumerServiceURL", assertionConsumerUrl);
		request.setAttribute("ProtocolBinding", SamlXml.POST_BINDING);
		document.appendChild(request);
		append(request, SamlXml.ASSERTION, "saml:Issuer").setTextContent(entityId);

		Element extension = append(append(request, SamlXml.PROTOCOL, "samlp:Extensions"), SamlXml.AKDB, "akdb:AuthenticationRequest");
		extension.setAttribute("Version", "2");
		Element requested = append(extension, SamlXml.AKDB, "akdb:RequestedAttributes");
		for (RequestedAttribute attribute : attributes) {
			Element element = append(requested, SamlXml.AKDB, "akdb:RequestedAttribute");
			element.setAttribute("Name", attribute.name());
			element.setAttribute("RequiredAttribute", Boolean.toString(attribute.required()));
		}
		Element version = append(append(extension, SamlXml.AKDB, "akdb:DisplayInformation"), CLASSIC_UI, "classic-ui:Version");
		append(version, CLASSIC_UI, "classic-ui:OrganizationDisplayName").setTextContent(displayName);

		Element context = append(request, SamlXml.PROTOCOL, "samlp:RequestedAuthnContext");
		context.setAttribute("Comparison", "minimum");
		append(context, SamlXml.ASSERTION, "saml:AuthnContextClassRef").setTextContent(AssuranceLevels.requested(minimum));
		return SamlXml.serialize(request);
	}

	/** Our LogoutRequest for a session the identity provider signed in. */
	static byte[] logoutRequest(String id, Instant now, String destination, String entityId, SamlSession session) {
		Document document = SamlXml.newDocument();
		Element request = document.createElementNS(SamlXml.PROTOCOL, "samlp:LogoutRequest");
		request.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SamlXml.ASSERTION);
		request.setAttribute("ID", id);
		request.setAttribute("Version", "2.0");
		request.setAttribute("IssueInstant", instant(now));
		request.setAttribute("Destination", destination);
		document.appendChild(request);
		append(request, SamlXml.ASSERTION, "saml:Issuer").setTextContent(entityId);
		Element nameId = append(request, SamlXml.ASSERTION, "saml:NameID");
		if (session.nameIdFormat() != null && !session.nameIdFormat().isBlank()) {
			nameId.setAttribute("Format", session.nameIdFormat());
		}
		nameId.setTextContent(session.nameId());
		if (session.sessionIndex() != null) {
			append(request, SamlXml.PROTOCOL, "samlp:SessionIndex").setTextContent(session.sessionIndex());
		}
		return SamlXml.serialize(request);
	}

	/** The answer to an identity provider's LogoutRequest: Success, or Requester with the second-level {@code failure}. */
	static byte[] logoutResponse(String inResponseTo, Instant now, String destination, String entityId, @Nullable String failure) {
		Document document = SamlXml.newDocument();
		Element response = document.createElementNS(SamlXml.PROTOCOL, "samlp:LogoutResponse");
		response.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SamlXml.ASSERTION);
		response.setAttribute("ID", newId());
		response.setAttribute("Version", "2.0");
		response.setAttribute("IssueInstant", instant(now));
		response.setAttribute("Destination", destination);
		response.setAttribute("InResponseTo", inResponseTo);
		document.appendChild(response);
		append(response, SamlXml.ASSERTION, "saml:Issuer").setTextContent(entityId);
		Element code = append(append(response, SamlXml.PROTOCOL, "samlp:Status"), SamlXml.PROTOCOL, "samlp:StatusCode");
		code.setAttribute("Value", failure == null ? SUCCESS : REQUESTER);
		if (failure != null) {
			append(code, SamlXml.PROTOCOL, "samlp:StatusCode").setAttribute("Value", failure);
		}
		return SamlXml.serialize(response);
	}

	/** Our metadata: signing and encryption certificate, assertion consumer service, single logout; signed. */
	static byte[] metadata(String entityId, String assertionConsumerUrl, String singleLogoutUrl, Instant now, ServiceProviderCredential credential) {
		Document document = SamlXml.newDocument();
		Element entity = document.createElementNS(SamlXml.METADATA, "md:EntityDescriptor");
		// declared as attributes: canonicalisation signs the declarations the DOM holds, the serialiser would add missing ones later
		entity.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:md", SamlXml.METADATA);
		entity.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", SamlXml.DSIG);
		entity.setAttribute("entityID", entityId);
		String id = newId();
		entity.setAttribute("ID", id);
		entity.setIdAttribute("ID", true);
		entity.setAttribute("validUntil", instant(now.plus(7, ChronoUnit.DAYS)));
		document.appendChild(entity);
		Element sp = append(entity, SamlXml.METADATA, "md:SPSSODescriptor");
		sp.setAttribute("AuthnRequestsSigned", "true");
		sp.setAttribute("WantAssertionsSigned", "true");
		sp.setAttribute("protocolSupportEnumeration", SamlXml.PROTOCOL);
		String certificate = base64(credential);
		for (String use : List.of("signing", "encryption")) {
			Element key = append(sp, SamlXml.METADATA, "md:KeyDescriptor");
			key.setAttribute("use", use);
			append(append(append(key, SamlXml.DSIG, "ds:KeyInfo"), SamlXml.DSIG, "ds:X509Data"), SamlXml.DSIG, "ds:X509Certificate")
				.setTextContent(certificate);
			if (use.equals("encryption")) {
				for (String algorithm : List.of("http://www.w3.org/2009/xmlenc11#aes256-gcm", "http://www.w3.org/2009/xmlenc11#aes128-gcm",
						"http://www.w3.org/2001/04/xmlenc#aes256-cbc", "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p")) {
					append(key, SamlXml.METADATA, "md:EncryptionMethod").setAttribute("Algorithm", algorithm);
				}
			}
		}
		Element logout = append(sp, SamlXml.METADATA, "md:SingleLogoutService");
		logout.setAttribute("Binding", SamlXml.REDIRECT_BINDING);
		logout.setAttribute("Location", singleLogoutUrl);
		Element acs = append(sp, SamlXml.METADATA, "md:AssertionConsumerService");
		acs.setAttribute("Binding", SamlXml.POST_BINDING);
		acs.setAttribute("Location", assertionConsumerUrl);
		acs.setAttribute("index", "0");
		acs.setAttribute("isDefault", "true");
		sign(entity, id, credential);
		return SamlXml.serialize(document);
	}

	/** An enveloped RSA-SHA256 signature as the first child of {@code element} (exclusive canonicalisation). */
	static void sign(Element element, String id, ServiceProviderCredential credential) {
		SamlXml.init();
		try {
			Document document = element.getOwnerDocument();
			XMLSignature signature = new XMLSignature(document, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
					Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
			element.insertBefore(signature.getElement(), element.getFirstChild());
			Transforms transforms = new Transforms(document);
			transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
			transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
			signature.addDocument("#" + id, transforms, "http://www.w3.org/2001/04/xmlenc#sha256");
			signature.addKeyInfo(credential.certificate());
			signature.sign(credential.privateKey());
		}
		catch (XMLSecurityException e) {
			throw new IllegalStateException("cannot sign with the service provider key", e);
		}
	}

	private static String base64(ServiceProviderCredential credential) {
		try {
			return Base64.getEncoder().encodeToString(credential.certificate().getEncoded());
		}
		catch (CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Element append(Element parent, String namespace, String qualifiedName) {
		Element child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
		parent.appendChild(child);
		return child;
	}

	/** An attribute asked for in the AuthnRequest. */
	record RequestedAttribute(String name, boolean required) {
	}
}

// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.util.Locale;

/**
 * Why a sign-in was refused. The reason's code is what the log and the citizen's page show (no
 * personal data); the detail is for the log only and never contains values from the response.
 */
public class SamlRefusal extends Exception {

	private static final long serialVersionUID = 1L;

	/** Reasons, each with its page text {@code identity.refused.<code>}. */
	public enum Reason {
		/** the IdP is not configured for this municipality, or its metadata cannot be had */
		NOT_CONFIGURED,
		/** not base64, not XML, not a SAML response */
		MALFORMED,
		/** a DOCTYPE (entity expansion, external entities) */
		DOCTYPE,
		/** no sign-in was started with this request id here, or it expired or was used */
		UNKNOWN_REQUEST,
		/** Destination or Recipient is not our assertion consumer service */
		WRONG_DESTINATION,
		/** the IdP said no (status other than Success), e.g. the citizen cancelled */
		NOT_SUCCESSFUL,
		/** Issuer is not the IdP the sign-in was started with */
		WRONG_ISSUER,
		/** neither the response nor the assertion carries a signature */
		UNSIGNED,
		/** a signature does not verify with the IdP's metadata certificate, or uses a weak or unexpected form */
		BAD_SIGNATURE,
		/** several assertions, duplicate IDs, or a signature that covers another element than the one read */
		WRAPPED,
		/** the assertion is not encrypted although required, or cannot be decrypted with our key */
		NOT_DECRYPTABLE,
		/** NotOnOrAfter has passed */
		EXPIRED,
		/** NotBefore lies in the future */
		NOT_YET_VALID,
		/** our entity id is not among the audiences */
		WRONG_AUDIENCE,
		/** this assertion was used before */
		REPLAYED,
		/** the asserted level is unknown or lower than the one asked for */
		LEVEL_TOO_LOW,
		/** the person's identifier (bPK2) or an organisation's required attributes are missing */
		INCOMPLETE,
		/** too many sign-ins started and not answered, from this client or in this municipality */
		TOO_MANY_STARTED;

		public String code() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}

	private final Reason reason;

	public SamlRefusal(Reason reason, String detail) {
		super(reason.code() + ": " + detail);
		this.reason = reason;
	}

	public SamlRefusal(Reason reason, Throwable cause) {
		super(reason.code() + ": " + cause.getClass().getSimpleName(), cause);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}
}

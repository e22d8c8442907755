// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import jakarta.mail.internet.MimeMessage;

/** Delivers a composed mail: to a pickup folder or an SMTP server. */
interface MailTransport {

	void deliver(MimeMessage message, String name) throws Exception;
}

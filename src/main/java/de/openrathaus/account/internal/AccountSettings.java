// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the requests that send mail (registration, new confirmation link, password reset), so
 * that nobody can flood an inbox or the municipality's mail server through the portal.
 *
 * @param mailsPerAddressPerHour mails at most to one e-mail address within an hour
 * @param requestsPerClientPerHour such requests at most from one client (IP) address within an hour
 */
@ConfigurationProperties("openrathaus.account")
record AccountSettings(@DefaultValue("3") int mailsPerAddressPerHour, @DefaultValue("20") int requestsPerClientPerHour) {
}

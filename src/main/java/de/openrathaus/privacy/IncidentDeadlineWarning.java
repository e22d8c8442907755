// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy;

import java.time.Instant;
import java.util.UUID;

import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

/**
 * The 72 hours of Art. 33 (1) GDPR for an open personal data breach run out within a day, or have
 * run out: correspondence mails the municipality's data protection officers. Carries no title or
 * description of the breach (they may name people); the mail points to the incident register.
 *
 * @param overdue whether the deadline has passed (else it is less than a day away)
 */
public record IncidentDeadlineWarning(TenantId tenant, UUID incident, Instant awareAt, Instant due, boolean overdue) implements TenantScoped {
}
